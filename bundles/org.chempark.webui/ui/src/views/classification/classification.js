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
 * The rows of a diagnosis form: every row (评估内容) of GET /classification/diagnosis/table, none found yet. A row
 * counted per unit (每一种, 每一处, 每一人次 …: `per`) takes a count up to its maxCount (else 999, the server's
 * sanity bound); any other row is found or not (count 0 or 1).
 */
export function diagnosisRows(table) {
  return (table?.items || []).map((i) => ({
    itemId: i.id, projectId: i.projectId, project: i.project, category: i.category, kind: i.kind, text: i.text,
    unit: i.points, per: i.per || null, maxCount: i.per ? i.maxCount ?? 999 : 1, count: 0, note: ''
  }))
}

/** "−2/种", "−10", "+15", "+2/人次 (≤ 3)": a row's points as the table states them. */
export function rowPointsText(item) {
  const sign = item.kind === 'BONUS' ? '+' : '−'
  const per = item.per ? '/' + item.per : ''
  return sign + (item.points ?? item.unit) + per + (item.per && item.maxCount && item.maxCount !== 999 ? ` (≤ ${item.maxCount})` : '')
}

const round2 = (x) => Math.round(x * 100) / 100

/** The band of a score without direct-red conditions, from the table's bands (红 < 60 ≤ 橙 < 75 ≤ 黄 < 90 ≤ 蓝). */
export function bandOf(bands, score) {
  return (bands || []).find((b) => (b.scoreFrom === undefined || score >= b.scoreFrom) && (b.scoreBelow === undefined || score < b.scoreBelow))?.level ?? null
}

/**
 * The diagnosis the server will compute (shown while entering it), by the rules of docs/enterprise-classification.md:
 * a row's points (× count when per unit); the deductions of a 项目 stop at its 分值; score = 100 − capped deductions
 * + bonuses (no ceiling); any direct-red condition → RED whatever the score. The server's answer is what counts
 * (it also refuses rows that exclude each other).
 */
export function diagnosisPreview(table, rows, directRed) {
  const found = new Map()
  let added = 0
  for (const r of rows || []) {
    if (!(r.count > 0)) continue
    const points = r.unit * (r.per ? r.count : 1)
    if (r.kind === 'BONUS') added += points
    else found.set(r.projectId, (found.get(r.projectId) || 0) + points)
  }
  let deducted = 0
  for (const p of table?.projects || []) deducted += Math.min(p.maxDeduction, found.get(p.id) || 0)
  const score = round2(100 - deducted + added)
  const red = (directRed || []).length > 0
  return { score, deducted: round2(deducted), added: round2(added), level: red ? 'RED' : bandOf(table?.bands, score), directRed: red }
}

/** POST /classification/diagnoses body: the rows found, deductions and bonuses apart, a count only for per-unit rows. */
export function diagnosisBody(form, rows) {
  const findings = (kind) => (rows || []).filter((r) => r.kind === kind && r.count > 0)
    .map((r) => ({ itemId: r.itemId, ...(r.per ? { count: r.count } : {}), note: (r.note || '').trim() || null }))
  return { ...form, deductions: findings('DEDUCT'), bonuses: findings('BONUS') }
}
