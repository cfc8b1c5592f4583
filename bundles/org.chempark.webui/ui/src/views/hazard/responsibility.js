// 包保 responsibility (R-F2.1): three responsible persons per major hazard source, their duty
// tasks and itemised duty records with evidence (docs/risk-and-warnings.md §1).

export const ROLES = ['PRINCIPAL', 'TECHNICAL', 'OPERATIONAL']
export const TASK_STATUSES = ['OPEN', 'OVERDUE', 'DONE']
export const ITEM_RESULTS = ['OK', 'ISSUE', 'NOT_APPLICABLE']
/** What the API accepts as evidence (checked by content on the server), and its size limit. */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'application/pdf']
export const EVIDENCE_MAX_BYTES = 1024 * 1024

/**
 * One row per hazard source with its active person of each role: the major hazard sources, plus any
 * other unit that has persons. [{unitId, source, PRINCIPAL, TECHNICAL, OPERATIONAL, missing}]
 */
export function sourceRows(sources, persons, enterpriseId = null) {
  const byUnit = new Map()
  for (const p of persons || []) {
    if (!p.active) continue
    if (!byUnit.has(p.unitId)) byUnit.set(p.unitId, {})
    byUnit.get(p.unitId)[p.role] = p
  }
  const units = (sources || []).filter((s) => s.majorHazardSource || byUnit.has(s.unitId)).map((s) => s.unitId)
  for (const id of byUnit.keys()) if (!units.includes(id)) units.push(id)
  return units
    .map((unitId) => {
      const source = (sources || []).find((s) => s.unitId === unitId) || null
      const roles = byUnit.get(unitId) || {}
      return { unitId, source, enterpriseId: source?.enterpriseId ?? Object.values(roles)[0]?.enterpriseId ?? null,
        ...Object.fromEntries(ROLES.map((r) => [r, roles[r] || null])), missing: ROLES.filter((r) => !roles[r]) }
    })
    .filter((r) => enterpriseId == null || r.enterpriseId === enterpriseId)
}

/** The form rows of a duty record: every check item of the task, OK by default. */
export function recordRows(task) {
  return (task?.items || []).map((item) => ({ item, result: 'OK', remark: '' }))
}

/** {index: i18n key} for rows the API would refuse: an ISSUE needs a remark saying what was found. */
export function recordProblems(rows) {
  const out = {}
  rows.forEach((r, i) => {
    if (!ITEM_RESULTS.includes(r.result)) out[i] = 'duty.resultRequired'
    else if (r.result === 'ISSUE' && !(r.remark || '').trim()) out[i] = 'duty.issueRemark'
  })
  return out
}

/** POST /responsibility/tasks/{id}/record body. */
export function recordBody(rows, summary) {
  return {
    summary: (summary || '').trim() || null,
    items: rows.map((r) => ({ item: r.item, result: r.result, remark: (r.remark || '').trim() || null }))
  }
}

/** null when the file may be sent as evidence, else the i18n key of why not (the server checks again, by content). */
export function evidenceProblem(file) {
  if (!file) return 'duty.noFile'
  if (!EVIDENCE_TYPES.includes(file.type)) return 'duty.evidenceType'
  if (file.size > EVIDENCE_MAX_BYTES) return 'duty.evidenceSize'
  if (file.size === 0) return 'duty.evidenceEmpty'
  return null
}

/** Tag type of a task: overdue red, done late orange, done green, open blue. */
export function taskTag(task) {
  if (task.status === 'OVERDUE') return 'danger'
  if (task.status === 'DONE') return task.late ? 'warning' : 'success'
  return 'primary'
}
