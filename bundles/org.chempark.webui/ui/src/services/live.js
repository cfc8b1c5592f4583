// Live telemetry and alarms: the one place pages get live values and alarms from.
// Until the telemetry module is installed it says so (available: false) and never invents a value.
// With it, one WebSocket per tab (/ws/telemetry/live, docs/telemetry.md) carries values
// (throttled by the server) and alarm transitions (at once); active alarms are loaded once over REST
// and then kept current from the socket. The socket authenticates with the session's access token
// (query parameter access_token), reconnects with backoff, and closes when the session ends.
import { computed, reactive, ref, watch } from 'vue'
import { usePlatform } from '../stores/platform'
import { useAuth } from '../stores/auth'
import { api } from '../api/http'

/** Module ids that, once installed, provide live readings and alarms. */
export const LIVE_MODULE_IDS = ['telemetry']

/** Ordering of alarms for people: unacknowledged first, then priority (1 highest), then newest. */
export function alarmOrder(a, b) {
  const ua = a.state === 'ACTIVE' ? 0 : 1
  const ub = b.state === 'ACTIVE' ? 0 : 1
  if (ua !== ub) return ua - ub
  if ((a.priority || 9) !== (b.priority || 9)) return (a.priority || 9) - (b.priority || 9)
  return String(b.raisedAt).localeCompare(String(a.raisedAt))
}

/**
 * Applies one alarm message of the socket to the list of active alarms (a new array):
 * raised/acknowledged/shelved keep or add it (by id), cleared removes it unless still waiting for
 * acknowledgement (a cleared, unacknowledged alarm stays until someone acknowledges it).
 */
export function applyAlarm(list, action, alarm) {
  const rest = list.filter((a) => a.id !== alarm.id)
  const prev = list.find((a) => a.id === alarm.id) || {}
  const merged = { ...prev, ...alarm, pointCode: alarm.point || prev.pointCode }
  const gone = merged.state === 'CLEARED' || (action === 'CLEARED' && merged.state !== 'ACTIVE')
  return (gone ? rest : [...rest, merged]).sort(alarmOrder)
}

/** Where a value stands against its limits: 'HH', 'H', 'L', 'LL' or '' (normal / unknown). */
export function limitState(value, p) {
  if (value === null || value === undefined || !p) return ''
  if (p.hh != null && value >= p.hh) return 'HH'
  if (p.h != null && value >= p.h) return 'H'
  if (p.ll != null && value <= p.ll) return 'LL'
  if (p.l != null && value <= p.l) return 'L'
  return ''
}

const state = {
  socket: null,
  retry: 0,
  timer: null,
  reloadTimer: null,
  started: false,
  values: reactive(new Map()),
  alarms: ref([]),
  connected: ref(false),
  lastMessageAt: ref(0),
  alarmListeners: new Set()
}

/**
 * The token travels as the access_token query parameter: under Pax Web's whiteboard the endpoint's
 * handshake configurator never sees the subprotocol header, so "bearer, <token>" is refused. The access
 * token lives 15 minutes and Jetty keeps no request log by default.
 */
function wsUrl(token) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/ws/telemetry/live?access_token=${encodeURIComponent(token)}`
}

async function loadActiveAlarms() {
  try {
    const page = await api.get('/telemetry/alarms', { active: true, size: 500 })
    const waiting = await api.get('/telemetry/alarms', { acknowledged: false, size: 500 })
    const byId = new Map([...page.items, ...waiting.items].map((a) => [a.id, a]))
    state.alarms.value = [...byId.values()].filter((a) => a.state !== 'CLEARED' || !a.acknowledgedAt).sort(alarmOrder)
  } catch {
    // the socket's messages still arrive; the list fills as alarms change
  }
}

function connect(auth) {
  if (state.socket || !auth.token) return
  let ws
  try {
    ws = new WebSocket(wsUrl(auth.token))
  } catch {
    schedule(auth)
    return
  }
  state.socket = ws
  ws.onopen = () => {
    state.retry = 0
    state.connected.value = true
    ws.send(JSON.stringify({ type: 'subscribe', all: true, alarms: true }))
    loadActiveAlarms()
  }
  ws.onmessage = (e) => {
    state.lastMessageAt.value = Date.now()
    let m
    try { m = JSON.parse(e.data) } catch { return }
    if (m.type === 'values') {
      for (const v of m.values) state.values.set(v.point, v)
    } else if (m.type === 'alarm') {
      state.alarms.value = applyAlarm(state.alarms.value, m.action, m.alarm)
      for (const fn of state.alarmListeners) fn(m.action, m.alarm)
      // the pushed alarm is short (no point name, unit, version): fetch the full rows soon after
      clearTimeout(state.reloadTimer)
      state.reloadTimer = setTimeout(loadActiveAlarms, 800)
    }
  }
  ws.onclose = () => {
    state.socket = null
    state.connected.value = false
    schedule(auth)
  }
  ws.onerror = () => { try { ws.close() } catch { /* closing anyway */ } }
}

function schedule(auth) {
  clearTimeout(state.timer)
  if (!state.started || !auth.token) return
  const delay = Math.min(30000, 1000 * 2 ** state.retry++)
  state.timer = setTimeout(() => connect(auth), delay)
}

function start(platform, auth) {
  if (state.started) return
  state.started = true
  // Connect while the telemetry module is installed and somebody is logged in; drop otherwise.
  watch(() => [LIVE_MODULE_IDS.some((id) => platform.hasModule(id)), auth.token], ([installed, token]) => {
    if (installed && token) {
      connect(auth)
    } else if (state.socket) {
      state.socket.onclose = null
      state.socket.close()
      state.socket = null
      state.connected.value = false
      state.values.clear()
      state.alarms.value = []
    }
  }, { immediate: true })
}

export function useLiveData() {
  const platform = usePlatform()
  const auth = useAuth()
  start(platform, auth)
  const available = computed(() => LIVE_MODULE_IDS.some((id) => platform.hasModule(id)))
  return {
    available,
    connected: state.connected,
    /** Active alarms and those cleared but not yet acknowledged, unacknowledged first. */
    alarms: state.alarms,
    /** Map point code → {point, value, quality, t}. */
    values: state.values,
    /** Latest value of a point ({value, quality, t}) or null when none has arrived. */
    latest(pointCode) { return state.values.get(pointCode) || null },
    /** Calls fn(action, alarm) for every alarm transition pushed; returns an unsubscribe function. */
    onAlarm(fn) { state.alarmListeners.add(fn); return () => state.alarmListeners.delete(fn) },
    /** Reloads the active alarms over REST (after acknowledging, for instance). */
    reloadAlarms: loadActiveAlarms
  }
}
