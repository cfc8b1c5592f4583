// The one HTTP client of the shell (and of module UI parts, through ctx.api).
// Errors from the platform are RFC 7807 problems; ApiError keeps them and maps errors[] by field.

export const API_BASE = '/api/v1'

const requestHooks = []

/** Registers fn(headers) called before every request, e.g. the auth store adding Authorization. */
export function onRequest(fn) {
  requestHooks.push(fn)
  return () => requestHooks.splice(requestHooks.indexOf(fn), 1)
}

const responseHooks = []
/** Registers fn(response) called after every response, e.g. to react to 401. */
export function onResponse(fn) {
  responseHooks.push(fn)
  return () => responseHooks.splice(responseHooks.indexOf(fn), 1)
}

let unauthorizedHandler = null
/**
 * Sets fn(path, sentAuthorization) called once when a request answers 401; it resolves true when the request should
 * be repeated (the auth store refreshed the tokens), false otherwise. Auth endpoints are never retried.
 */
export function onUnauthorized(fn) { unauthorizedHandler = fn }

/** Paths whose 401 means "wrong credentials / used-up token", not "token expired": never retried. */
export const NO_RETRY = ['/auth/login', '/auth/refresh', '/auth/logout']

export class ApiError extends Error {
  constructor(status, problem, headers) {
    super(problem?.detail || problem?.title || `HTTP ${status}`)
    this.status = status
    this.problem = problem || {}
    this.fieldErrors = fieldErrors(problem)
    this.rules = fieldRules(problem)
    /** Seconds from a Retry-After header (429, 503), or null. */
    this.retryAfter = retryAfterSeconds(headers?.get ? headers.get('retry-after') : null)
  }
}

/** {field: rule} from a problem's errors[] (first per field). */
export function fieldRules(problem) {
  const out = {}
  for (const e of problem?.errors || []) {
    if (e && e.field && !(e.field in out)) out[e.field] = e.rule
  }
  return out
}

/** Retry-After as seconds: a number of seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(value, now = Date.now()) {
  if (value === null || value === undefined || value === '') return null
  const n = Number(value)
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n))
  const t = Date.parse(value)
  return Number.isNaN(t) ? null : Math.max(0, Math.ceil((t - now) / 1000))
}

/** {field: message} from a problem's errors[] (first message per field wins). */
export function fieldErrors(problem) {
  const out = {}
  for (const e of problem?.errors || []) {
    if (e && e.field && !(e.field in out)) out[e.field] = e.message || e.rule
  }
  return out
}

/** Builds /api/v1 + path + query, leaving out empty query values. */
export function buildUrl(path, query) {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(query || {})) {
    if (v === undefined || v === null || v === '') continue
    qs.append(k, String(v))
  }
  const s = qs.toString()
  return API_BASE + path + (s ? '?' + s : '')
}

async function send(path, { method, body, query, signal, accept }) {
  const headers = { Accept: accept || 'application/json, application/problem+json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  for (const hook of requestHooks) hook(headers, path)
  const res = await fetch(buildUrl(path, query), {
    method, headers, signal,
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  res.sentAuthorization = headers.Authorization
  return res
}

export async function api(path, { method = 'GET', body, query, signal } = {}) {
  let res = await send(path, { method, body, query, signal })
  // An expired access token: let the auth store refresh once, then repeat the request once.
  if (res.status === 401 && unauthorizedHandler && !NO_RETRY.includes(path)) {
    if (await unauthorizedHandler(path, res.sentAuthorization)) res = await send(path, { method, body, query, signal })
  }
  for (const hook of responseHooks) hook(res, path)
  if (res.status === 204) return null
  const type = res.headers.get('content-type') || ''
  const data = type.includes('json') ? await res.json().catch(() => null) : await res.text()
  if (!res.ok) {
    throw new ApiError(res.status, data && typeof data === 'object' ? data : { title: res.statusText, status: res.status, detail: data || undefined }, res.headers)
  }
  return data
}

/**
 * Fetches a file (CSV, Excel …) with the session's token and saves it in the browser under
 * `filename` (or the server's Content-Disposition name). Errors throw ApiError like api().
 */
export async function download(path, query, filename) {
  const accept = '*/*'
  let res = await send(path, { method: 'GET', query, accept })
  if (res.status === 401 && unauthorizedHandler) {
    if (await unauthorizedHandler(path, res.sentAuthorization)) res = await send(path, { method: 'GET', query, accept })
  }
  if (!res.ok) {
    const type = res.headers.get('content-type') || ''
    const data = type.includes('json') ? await res.json().catch(() => null) : null
    throw new ApiError(res.status, data || { title: res.statusText, status: res.status }, res.headers)
  }
  const blob = await res.blob()
  const disposition = res.headers.get('content-disposition') || ''
  const name = filename || (/filename="?([^";]+)"?/.exec(disposition) || [])[1] || 'export'
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { size: blob.size, name }
}

/** Fetches a binary resource with the session's token (e.g. an image) and returns a Blob; ApiError otherwise. */
export async function blob(path, query) {
  const accept = '*/*'
  let res = await send(path, { method: 'GET', query, accept })
  if (res.status === 401 && unauthorizedHandler) {
    if (await unauthorizedHandler(path, res.sentAuthorization)) res = await send(path, { method: 'GET', query, accept })
  }
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({ title: res.statusText, status: res.status })), res.headers)
  return res.blob()
}

/** Sends a file as the raw request body (PUT), with its own Content-Type; returns the JSON answer. */
export async function upload(path, query, file, method = 'PUT') {
  const headers = { Accept: 'application/json, application/problem+json', 'Content-Type': file.type || 'application/octet-stream' }
  for (const hook of requestHooks) hook(headers, path)
  const res = await fetch(buildUrl(path, query), { method, headers, body: file })
  const data = await res.json().catch(() => null)
  if (!res.ok) throw new ApiError(res.status, data || { title: res.statusText, status: res.status }, res.headers)
  return data
}

api.get = (path, query) => api(path, { query })
api.post = (path, body) => api(path, { method: 'POST', body })
api.put = (path, body) => api(path, { method: 'PUT', body })
api.del = (path) => api(path, { method: 'DELETE' })
api.download = download
api.blob = blob
api.upload = upload
