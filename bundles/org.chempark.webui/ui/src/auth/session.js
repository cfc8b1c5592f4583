// Pure helpers of the login session (unit-tested in test/auth.test.js).

/** sessionStorage key of the tokens (never the password). Per tab; gone when the tab closes. */
export const SESSION_KEY = 'chempark.session'

/** Problem type the API answers (403) while the user must change the password first. */
export const PASSWORD_CHANGE_TYPE = 'urn:chempark:problem:password-change-required'

/**
 * Client-side idle limit: the shell polls the API every few seconds, so the server never sees a
 * session go idle; the UI itself ends the session after this long without keyboard/mouse input
 * (the server's default session.idleMinutes). The large screen (/screen) is exempt.
 */
export const IDLE_MS = 30 * 60 * 1000

/** Organisations that see (and act for) the whole park: 园区管委会, 园区部门, 监管部门 (the server's OrganisationType.parkWide). */
export function isParkWide(user) {
  return ['PARK', 'DEPARTMENT', 'AUTHORITY'].includes(user?.organisationType)
}

/** The session kept from a login/refresh answer: absolute expiry times, no password. */
export function sessionFrom(tokens, now = Date.now()) {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: now + (Number(tokens.expiresIn) || 900) * 1000,
    refreshExpiresAt: tokens.refreshExpiresIn ? now + Number(tokens.refreshExpiresIn) * 1000 : null
  }
}

/** Milliseconds until the access token should be refreshed: 1 min (at most a fifth of its life) before expiry, at least 5 s. */
export function refreshDelay(session, now = Date.now()) {
  if (!session?.expiresAt) return null
  const life = Math.max(0, session.expiresAt - now)
  const margin = Math.min(60000, life / 5)
  return Math.max(5000, life - margin)
}

/** A redirect target from ?redirect= that stays inside the app (no //host, no scheme, not the login page). */
export function safeRedirect(value) {
  const v = Array.isArray(value) ? value[0] : value
  if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return '/'
  if (/^\/(login|change-password)(\?|#|$)/.test(v)) return '/'
  return v
}

/** Reads the stored session, or null. */
export function loadSession(storage) {
  try {
    const s = JSON.parse(storage?.getItem(SESSION_KEY) || 'null')
    return s && typeof s.accessToken === 'string' ? s : null
  } catch {
    return null
  }
}

/** Default password policy of the platform (等保 level 3; the server's configuration decides). */
export const POLICY = { minLength: 10, maxLength: 128, minClasses: 3, history: 5 }

/** Character classes of a password: lower, upper, digit, symbol (as the server counts them). */
export function passwordClasses(p) {
  let lower = 0, upper = 0, digit = 0, other = 0
  for (const c of p || '') {
    if (/\p{Ll}/u.test(c)) lower = 1
    else if (/\p{Lu}/u.test(c)) upper = 1
    else if (/\p{Nd}/u.test(c)) digit = 1
    else if (c === ' ' || !/\s/.test(c)) other = 1
  }
  return lower + upper + digit + other
}

/** Which default rules a new password meets (shown live beside the form; the server has the last word). */
export function policyChecks(password, username, policy = POLICY) {
  const p = password || ''
  return {
    length: p.length >= policy.minLength && p.length <= policy.maxLength,
    classes: passwordClasses(p) >= policy.minClasses,
    username: !(username && username.length >= 3 && p.toLowerCase().includes(username.toLowerCase()))
  }
}
