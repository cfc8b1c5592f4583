// Reports and hidden dangers (R-F2.4, docs/reports-and-hidden-dangers.md).
// 三录入: (1) 问题录入 RECORDED → (2) 整改录入 RECTIFYING → 整改反馈 (needs evidence) SUBMITTED → (3) 验收录入 CLOSED
// (or rejected: back to RECTIFYING). The API sends each hidden danger's allowedActions.

export const REPORT_TYPES = ['SAFETY_ASSESSMENT', 'SIL']
export const EXPIRY_STATES = ['VALID', 'DUE', 'EXPIRED', 'NO_EXPIRY']
export const EXPIRY_TAG = { VALID: 'success', DUE: 'warning', EXPIRED: 'danger', NO_EXPIRY: 'info' }
export const HD_GRADES = ['GENERAL', 'MAJOR']
export const HD_STATUSES = ['RECORDED', 'RECTIFYING', 'SUBMITTED', 'CLOSED']
export const HD_STATUS_TAG = { RECORDED: 'danger', RECTIFYING: 'warning', SUBMITTED: 'primary', CLOSED: 'success' }
/** The REST core takes request bodies up to 1 MiB (docs: report module README, "Limits"). */
export const MAX_FILE_BYTES = 1024 * 1024

/** Permission of each hidden-danger action: the enterprise's steps need report:write, acceptance report:admin. */
const PERMISSION = { rectification: 'report:write', evidence: 'report:write', feedback: 'report:write', verification: 'report:admin' }

/** {rectification, evidence, feedback, verification}: what this user may do now; feedback also needs one evidence file. */
export function hiddenDangerActions(h, can) {
  const allowed = h?.allowedActions || []
  const out = {}
  for (const [a, p] of Object.entries(PERMISSION)) out[a] = allowed.includes(a) && can(p)
  out.feedbackNeedsEvidence = out.feedback && !(h.evidence || []).length
  return out
}

/** Index of the 三录入 progress bar (problem, rectification, feedback, acceptance) a status has reached. */
export function progressIndex(status) {
  return { RECORDED: 1, RECTIFYING: 2, SUBMITTED: 3, CLOSED: 4 }[status] ?? 0
}

/** null when the file may be uploaded, else the i18n key of why not (the server checks type and content). */
export function fileProblem(file) {
  if (!file || file.size === 0) return 'duty.evidenceEmpty'
  if (file.size > MAX_FILE_BYTES) return 'file.tooLarge'
  return null
}

/** Search parameters: q with match (exact|fuzzy) only when there is a query. */
export function searchQuery(q, match) {
  const s = (q || '').trim()
  return s ? { q: s, match } : {}
}
