// Warning handling (预警处置, R-F2.3): send → verify (核查) → feedback (反馈) → supervise (督办) → close,
// strictly in this order (docs/risk-and-warnings.md §3). The API answers every warning with its
// allowedActions (the one legal next step); who may take it depends on permissions and on the
// organisation: supervising and closing are the park's (DataScope.requireParkWide on the server).
import { isParkWide } from '../../auth/session'

export const WARNING_STATES = ['SENT', 'VERIFIED', 'FEEDBACK', 'SUPERVISED', 'CLOSED']

export const WARNING_STEPS = [
  { action: 'VERIFY', from: 'SENT', to: 'VERIFIED', permission: 'risk:write', parkOnly: false, remarkRequired: true, deadline: 'verify' },
  { action: 'FEEDBACK', from: 'VERIFIED', to: 'FEEDBACK', permission: 'risk:write', parkOnly: false, remarkRequired: true, deadline: 'feedback' },
  { action: 'SUPERVISE', from: 'FEEDBACK', to: 'SUPERVISED', permission: 'risk:handle', parkOnly: true, remarkRequired: true, deadline: 'supervise' },
  { action: 'CLOSE', from: 'SUPERVISED', to: 'CLOSED', permission: 'risk:close', parkOnly: true, remarkRequired: false, deadline: 'close' }
]


/** The legal next step of a warning: the API's allowedActions, else the state machine; null when closed. */
export function nextStep(warning) {
  if (!warning || warning.state === 'CLOSED') return null
  const name = warning.allowedActions?.length ? warning.allowedActions[0] : WARNING_STEPS.find((s) => s.from === warning.state)?.action
  return WARNING_STEPS.find((s) => s.action === name) || null
}

/**
 * What this user can do with a warning now: {step, allowed, why}. why (when not allowed):
 * 'closed', 'permission' (lacks the step's permission) or 'park' (an enterprise user facing a park step).
 */
export function actionFor(warning, { can, user }) {
  const step = nextStep(warning)
  if (!step) return { step: null, allowed: false, why: 'closed' }
  if (step.parkOnly && !isParkWide(user)) return { step, allowed: false, why: 'park' }
  if (!can(step.permission)) return { step, allowed: false, why: 'permission' }
  return { step, allowed: true, why: null }
}

/** The request body of a step: the action, the version the user saw, the remark (trimmed, null when empty). */
export function actionBody(step, warning, remark) {
  const r = (remark || '').trim()
  return { action: step.action, version: warning.version, remark: r || null }
}

/** Whether the remark the step needs is missing (every step but CLOSE needs one). */
export function remarkMissing(step, remark) {
  return !!step?.remarkRequired && !(remark || '').trim()
}

/** The deadline (minutes) of the step after `state` for a level, from GET /risk/config's deadlinesMinutes. */
export function stepDeadlineMinutes(config, level, state) {
  const step = WARNING_STEPS.find((s) => s.from === state)
  return step ? config?.deadlinesMinutes?.[level]?.[step.deadline] ?? null : null
}
