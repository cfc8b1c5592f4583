// Small helpers shared by the telemetry pages.
export const KIND_TAG = { HH: 'danger', LL: 'danger', H: 'warning', L: 'warning', RATE: 'warning', STALE: 'info', BAD_QUALITY: 'info' }
export const LIMIT_COLOR = { HH: '#f56c6c', LL: '#f56c6c', H: '#e6a23c', L: '#e6a23c' }

/** A value for a table cell: 3 significant decimals at most, '—' when none. */
export function fmtValue(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  const a = Math.abs(v)
  return a >= 1000 ? v.toFixed(0) : a >= 100 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3)
}

/** Seconds since an instant, for "3 s ago"; null when none. */
export function ageSeconds(t, now = Date.now()) {
  if (!t) return null
  const ms = now - new Date(t).getTime()
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : null
}

/** Limits of a point as mark lines for the trend chart. */
export function limitLines(p) {
  return [['HH', p.hh], ['H', p.h], ['L', p.l], ['LL', p.ll]]
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([name, value]) => ({ name, value, color: LIMIT_COLOR[name] }))
}

/** "LL 1 · L 2 · H 8 · HH 9": the alarm set points a point has. */
export function limitsText(p) {
  return [['LL', p.ll], ['L', p.l], ['H', p.h], ['HH', p.hh]].filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k} ${v}`).join(' · ')
}

/** history API series (raw [[t, v, q]] or buckets [{t, avg …}]) → ECharts [[ms, v]]. */
export function toSeries(rows) {
  return (rows || []).map((r) => (Array.isArray(r) ? [new Date(r[0]).getTime(), r[1]] : [new Date(r.t).getTime(), r.avg]))
}

/** An aggregation interval (seconds) that gives about `points` buckets over the range; 0 (raw) for short ranges. */
export function autoInterval(fromMs, toMs, points = 600) {
  const seconds = (toMs - fromMs) / 1000
  if (seconds <= 3600) return 0
  const steps = [10, 30, 60, 300, 600, 1800, 3600, 21600, 86400]
  return steps.find((s) => seconds / s <= points) || 86400
}
