// Enterprise classification (R-F2.5, docs/enterprise-classification.md): classes, the daily 安全承诺公告
// and the 100-point risk diagnosis of 应急〔2018〕19号.

export const CLASSES = ['SPECIAL_CONTROL', 'KEY_ATTENTION', 'GENERAL']
export const CLASS_COLOUR = { SPECIAL_CONTROL: '#e02020', KEY_ATTENTION: '#fa8c16', GENERAL: '#1677ff' }
/** GB 30871-2022 special work types, in the order of the standard. */
export const SPECIAL_WORK = ['hot-work', 'confined-space', 'blinding', 'work-at-height', 'lifting', 'temporary-power', 'excavation', 'road-closure']
export const OPERATING_STATES = ['PRODUCTION', 'SHUTDOWN', 'START_UP', 'TRIAL_PRODUCTION', 'TURNAROUND']

/** Counts per class, every class present. */
export function classCounts(classifications) {
  const out = Object.fromEntries(CLASSES.map((c) => [c, 0]))
  for (const c of classifications || []) if (c.clazz in out) out[c.clazz]++
  return out
}

/** A new commitment form: the park's today, the enterprise's major hazard sources as a start. */
export function commitmentForm(enterpriseId, day, majorHazardSources = 0, statement = '') {
  return {
    enterpriseId, day, operatingState: 'PRODUCTION', unitsRunning: 0, unitsStopped: 0, majorHazardSources, hazardSourcesControlled: true,
    specialWork: Object.fromEntries(SPECIAL_WORK.map((k) => [k, 0])), principal: '', signed: true, statement
  }
}

/** POST /classification/commitments body: numbers as numbers, special work without empty entries. */
export function commitmentBody(form) {
  const n = (v) => (v === '' || v === null || v === undefined ? null : Number(v))
  const specialWork = {}
  for (const [k, v] of Object.entries(form.specialWork || {})) if (n(v)) specialWork[k] = n(v)
  return {
    ...form, unitsRunning: n(form.unitsRunning), unitsStopped: n(form.unitsStopped), majorHazardSources: n(form.majorHazardSources),
    specialWork, principal: (form.principal || '').trim(), statement: (form.statement || '').trim()
  }
}

/** "动火作业 2, 受限空间作业 1" from a commitment's specialWork and the translated names. */
export function specialWorkText(specialWork, name) {
  return SPECIAL_WORK.filter((k) => specialWork?.[k]).map((k) => `${name(k)} ${specialWork[k]}`).join(', ')
}

/**
 * The diagnosis the server will compute (shown while entering it): 100 − Σ deductions, one decimal;
 * any direct-red condition → RED; else the bands of GET /classification/diagnosis/table
 * (红 < 60 ≤ 橙 < 75 ≤ 黄 < 90 ≤ 蓝). The server's answer is what counts.
 */
export function diagnosisPreview(bands, deductions, directRed) {
  const total = (deductions || []).reduce((s, d) => s + (Number(d.points) > 0 ? Number(d.points) : 0), 0)
  const score = Math.round((100 - total) * 10) / 10
  if ((directRed || []).length) return { score, level: 'RED', directRed: true }
  const band = (bands || []).find((b) => (b.scoreFrom === undefined || score >= b.scoreFrom) && (b.scoreBelow === undefined || score < b.scoreBelow))
  return { score, level: band ? band.level : null, directRed: false }
}

/** POST /classification/diagnoses deductions: items with points > 0 only. */
export function deductionList(rows) {
  return (rows || []).filter((r) => Number(r.points) > 0).map((r) => ({ itemId: r.itemId, points: Number(r.points), note: (r.note || '').trim() || null }))
}
