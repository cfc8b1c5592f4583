// Major hazard sources (重大危险源): the GB 18218 list, monitoring per source with 在线抽查 spot checks
// (R-F2.2, GET /hazard/units/{id}/monitoring, /hazard/spot-checks) and the GB/T 50493-2019 gas-detector
// set-point check (GET /hazard/detector-check). Pure functions, tested in test/hazard-sources.test.js.

export const GRADES = [1, 2, 3, 4]
/** Element Plus tag type of a grade (一级 most severe). */
export const GRADE_TAG = { 1: 'danger', 2: 'warning', 3: 'primary', 4: 'info' }
export const SPOT_RESULTS = ['NORMAL', 'ABNORMAL']
export const GAS_TYPES = ['COMBUSTIBLE_GAS', 'TOXIC_GAS', 'OXYGEN']
/** Rule ids of the detector check (GasDetectorChecker, DetectorCheck) that have a translated statement (det.rule.*). */
export const DETECTOR_RULES = ['COMBUSTIBLE_UNIT', 'COMBUSTIBLE_RANGE', 'COMBUSTIBLE_FIRST_LEVEL', 'COMBUSTIBLE_SECOND_LEVEL',
  'TOXIC_UNIT', 'TOXIC_OEL_MISSING', 'TOXIC_RANGE', 'TOXIC_FIRST_LEVEL', 'TOXIC_SECOND_LEVEL', 'OXYGEN_UNIT', 'OXYGEN_RANGE',
  'OXYGEN_LOW_ALARM', 'OXYGEN_HIGH_ALARM', 'ALARM_ORDER', 'SET_POINT_OUT_OF_RANGE', 'SET_POINTS_MISSING', 'NOT_CHECKABLE']

/**
 * The rows of the hazard-source list: the assessments (GET /hazard/sources?all=true) filtered by major hazard
 * sources only (unless all), enterprise, grade and a keyword over code and name; each with its risk colour and score
 * (unit id → {colour, score}, from the risk module when installed). The API's order (most severe first) is kept.
 */
export function sourceListRows(assessments, { all = false, enterpriseId = null, grade = null, q = '' } = {}, risk = new Map()) {
  const kw = (q || '').trim().toLowerCase()
  return (assessments || [])
    .filter((a) => (all || a.majorHazardSource)
      && (enterpriseId == null || a.enterpriseId === enterpriseId)
      && (grade == null || a.grade === grade)
      && (!kw || `${a.unitCode} ${a.unitName}`.toLowerCase().includes(kw)))
    .map((a) => ({ ...a, risk: risk.get(a.unitId) || null }))
}

/** Counts of major hazard sources per grade {1: n, 2: n, 3: n, 4: n}. */
export function gradeCounts(assessments) {
  const out = Object.fromEntries(GRADES.map((g) => [g, 0]))
  for (const a of assessments || []) if (a.majorHazardSource && a.grade in out) out[a.grade]++
  return out
}

/**
 * The monitoring points of a hazard source as shown: the server's view (GET …/monitoring: latest value and active
 * alarms per point) brought up to date by the live service. A value pushed later than the view's replaces it; while
 * the live socket is connected its alarm list (active and cleared-but-unacknowledged, kept current by pushes) is the
 * truth for these points, otherwise the view's alarms stand. [{…point, value, quality, timestamp, alarms: [kind …]}]
 */
export function monitoringRows(points, live = {}) {
  const { values = new Map(), alarms = [], connected = false } = live
  const byPoint = new Map()
  if (connected) {
    for (const a of alarms) {
      if (a.state === 'CLEARED') continue
      if (!byPoint.has(a.pointCode)) byPoint.set(a.pointCode, [])
      byPoint.get(a.pointCode).push(a)
    }
  }
  return (points || []).map((p) => {
    const v = values.get(p.code)
    const newer = v && v.value != null && (!p.timestamp || new Date(v.t).getTime() >= new Date(p.timestamp).getTime())
    const pointAlarms = connected ? byPoint.get(p.code) || [] : p.alarms || []
    return {
      ...p,
      value: newer ? v.value : p.value,
      quality: newer ? v.quality : p.quality,
      timestamp: newer ? v.t : p.timestamp,
      alarms: [...new Set(pointAlarms.map((a) => a.kind))]
    }
  })
}

/** Active alarms over the rows (points with at least one alarm kind). */
export const alarmCount = (rows) => (rows || []).reduce((n, r) => n + r.alarms.length, 0)

/** null when the spot check may be sent, else {field: i18n key} (the server checks again). */
export function spotCheckProblems(form) {
  const out = {}
  if (!SPOT_RESULTS.includes(form?.result)) out.result = 'spot.resultRequired'
  else if (form.result === 'ABNORMAL' && !(form.remark || '').trim()) out.remark = 'spot.remarkRequired'
  if ((form?.remark || '').length > 2000) out.remark = 'spot.remarkLength'
  return Object.keys(out).length ? out : null
}

/** POST /hazard/units/{id}/spot-checks body. */
export function spotCheckBody(form) {
  return { result: form.result, remark: (form.remark || '').trim() || null }
}

/**
 * What the checker saw, from a spot check's snapshot (JSON written by the server):
 * {live, activeAlarms, points, inAlarm: ['E01-GT-1101 HH', …]}; null when it cannot be read.
 */
export function parseSnapshot(snapshot) {
  let s
  try { s = typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot } catch { return null }
  if (!s || typeof s !== 'object') return null
  const points = Array.isArray(s.points) ? s.points : []
  return {
    live: !!s.live,
    activeAlarms: s.activeAlarms ?? 0,
    points: points.length,
    withValue: points.filter((p) => p.value != null).length,
    inAlarm: points.filter((p) => p.alarms).map((p) => `${p.code} ${p.alarms}`)
  }
}

/**
 * The detector-check rows shown: results of GET /hazard/detector-check, only those breaking a rule (violationsOnly),
 * filtered by enterprise, gas type and keyword,
 * violations first (then by code); each with its findings split into violations and advisories.
 */
export function detectorRows(results, { violationsOnly = false, enterpriseId = null, type = null, q = '' } = {}) {
  const kw = (q || '').trim().toLowerCase()
  return (results || [])
    .filter((r) => (!violationsOnly || !r.compliant) && (enterpriseId == null || r.enterpriseId === enterpriseId) && (!type || r.type === type)
      && (!kw || `${r.code} ${r.name}`.toLowerCase().includes(kw)))
    .map((r) => ({ ...r, violations: r.findings.filter((f) => f.severity === 'VIOLATION'), advisories: r.findings.filter((f) => f.severity !== 'VIOLATION') }))
    .sort((a, b) => Number(a.compliant) - Number(b.compliant) || String(a.code).localeCompare(String(b.code)))
}

/** {checked, violating, advisory, byRule: {rule: detectors}} over detector-check results. */
export function detectorSummary(results) {
  const byRule = {}
  let violating = 0
  let advisory = 0
  for (const r of results || []) {
    if (!r.compliant) violating++
    else if (r.findings.length) advisory++
    for (const rule of new Set(r.findings.filter((f) => f.severity === 'VIOLATION').map((f) => f.rule))) byRule[rule] = (byRule[rule] || 0) + 1
  }
  return { checked: (results || []).length, violating, advisory, byRule }
}
