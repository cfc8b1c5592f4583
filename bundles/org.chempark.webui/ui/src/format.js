// Formatting shared by the major-hazard pages (包保, risk, warnings, reports, classification).

/** 四色 worst first: 红 重大风险, 橙 较大风险, 黄 一般风险, 蓝 低风险 (the API's Colour / level names). */
export const COLOURS = ['RED', 'ORANGE', 'YELLOW', 'BLUE']
export const COLOUR_HEX = { RED: '#e02020', ORANGE: '#fa8c16', YELLOW: '#fadb14', BLUE: '#1677ff' }
/** Text colour readable on COLOUR_HEX. */
export const COLOUR_TEXT = { RED: '#fff', ORANGE: '#fff', YELLOW: '#1f2d3d', BLUE: '#fff' }

/** The park's time zone: tasks, commitments and report dates are days of Asia/Shanghai. */
export const PARK_ZONE = 'Asia/Shanghai'

/** yyyy-MM-dd of an instant in the park's time zone (what the API's LocalDate parameters mean). */
export function parkDate(at = new Date()) {
  const d = at instanceof Date ? at : new Date(at)
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat('en-CA', { timeZone: PARK_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

/** yyyy-MM-dd of a date picked in the browser (its local calendar day), '' for none. */
export function localDate(d) {
  if (!d) return ''
  if (typeof d === 'string') return d.slice(0, 10)
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** Whole minutes from now until an instant (negative once it has passed); null when none. */
export function minutesUntil(at, now = Date.now()) {
  if (!at) return null
  const ms = new Date(at).getTime() - now
  return Number.isFinite(ms) ? Math.trunc(ms / 60000) : null
}

/** 2 天 3 小时 / 3 小时 5 分钟 / 12 分钟 — the two largest parts of a number of minutes. */
export function formatDuration(minutes, t) {
  const m = Math.abs(Math.trunc(minutes))
  const d = Math.floor(m / 1440)
  const h = Math.floor((m % 1440) / 60)
  const min = m % 60
  const parts = d ? [['fmt.days', d], ['fmt.hours', h]] : h ? [['fmt.hours', h], ['fmt.minutes', min]] : [['fmt.minutes', min]]
  return parts.filter(([, n], i) => i === 0 || n > 0).map(([k, n]) => t(k, { n })).join(' ')
}

/**
 * A deadline as shown: {overdue, text} — "剩余 1 小时 20 分钟" or "已超时 30 分钟"; null without a deadline.
 */
export function deadlineInfo(at, t, now = Date.now()) {
  const m = minutesUntil(at, now)
  if (m === null) return null
  const overdue = new Date(at).getTime() <= now
  return { overdue, soon: !overdue && m < 60, text: t(overdue ? 'fmt.overdueBy' : 'fmt.left', { d: formatDuration(m, t) }) }
}

/** 1.2 MB, 340 kB, 12 B. */
export function formatBytes(n) {
  if (n === null || n === undefined) return ''
  if (n >= 1024 * 1024) return (n / 1024 / 1024).toFixed(1) + ' MB'
  if (n >= 1024) return Math.round(n / 1024) + ' kB'
  return n + ' B'
}

/** A score or value with at most one decimal ('—' for none). */
export function fmtScore(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  return Number.isInteger(v) ? String(v) : (Math.round(v * 10) / 10).toFixed(1)
}

/** A ratio 0…1 as a percentage ('—' for none). */
export function fmtPercent(r) {
  if (r === null || r === undefined || Number.isNaN(r)) return '—'
  return (Math.round(r * 1000) / 10) + ' %'
}

/** The message of an ApiError for an ElMessage: a 409 says 操作冲突 first. */
export function problemText(e, t) {
  return (e?.status === 409 ? t('common.conflict') + ': ' : '') + (e?.message || String(e))
}
