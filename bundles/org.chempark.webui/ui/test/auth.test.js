import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest'
import { sessionFrom, refreshDelay, safeRedirect, loadSession, passwordClasses, policyChecks, SESSION_KEY } from '../src/auth/session.js'
import { api, onRequest, onUnauthorized, retryAfterSeconds, ApiError } from '../src/api/http.js'

describe('session helpers', () => {
  it('keeps tokens with absolute expiry, never a password', () => {
    const s = sessionFrom({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, refreshExpiresIn: 28800, mustChangePassword: true, password: 'x' }, 1000)
    expect(s).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: 901000, refreshExpiresAt: 28801000 })
  })

  it('refreshes a minute before expiry, a fifth of the life for short tokens, never sooner than 5 s', () => {
    expect(refreshDelay({ expiresAt: 900000 }, 0)).toBe(840000)
    expect(refreshDelay({ expiresAt: 100000 }, 0)).toBe(80000)
    expect(refreshDelay({ expiresAt: 1000 }, 0)).toBe(5000)
    expect(refreshDelay(null)).toBeNull()
  })

  it('only redirects inside the app', () => {
    expect(safeRedirect('/asset/enterprises?page=2')).toBe('/asset/enterprises?page=2')
    expect(safeRedirect(['/map'])).toBe('/map')
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', 'javascript:alert(1)', '', undefined, '/login', '/login?redirect=/x', '/change-password']) {
      expect(safeRedirect(bad)).toBe('/')
    }
  })

  it('reads a stored session and ignores garbage', () => {
    const store = (v) => ({ getItem: (k) => (k === SESSION_KEY ? v : null) })
    expect(loadSession(store('{"accessToken":"t","refreshToken":"r"}')).accessToken).toBe('t')
    expect(loadSession(store('not json'))).toBeNull()
    expect(loadSession(store('{"x":1}'))).toBeNull()
    expect(loadSession(null)).toBeNull()
  })

  it('counts character classes like the server and checks the default policy', () => {
    expect(passwordClasses('abc')).toBe(1)
    expect(passwordClasses('abcD1')).toBe(3)
    expect(passwordClasses('aB1 ')).toBe(4)
    expect(passwordClasses('密码Ab1')).toBe(4) // CJK letters count as "other"
    expect(policyChecks('Short1!', 'admin')).toEqual({ length: false, classes: true, username: true })
    expect(policyChecks('myadminPass1', 'admin')).toEqual({ length: true, classes: true, username: false })
    expect(policyChecks('Secure-Pass-42', 'admin')).toEqual({ length: true, classes: true, username: true })
  })

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterSeconds('42')).toBe(42)
    expect(retryAfterSeconds(new Date(61000).toUTCString(), 1000)).toBe(60)
    expect(retryAfterSeconds(null)).toBeNull()
    expect(retryAfterSeconds('soon')).toBeNull()
    const e = new ApiError(429, { detail: 'slow down' }, new Map([['retry-after', '30']]))
    expect(e.retryAfter).toBe(30)
  })
})

describe('401 handling in the HTTP client', () => {
  let token
  let calls
  let refreshes
  let off
  const json = (status, body) => ({
    status, ok: status < 400, statusText: '', headers: new Map([['content-type', 'application/json']]),
    json: async () => body, text: async () => JSON.stringify(body)
  })

  beforeEach(() => {
    token = 'old'
    calls = []
    refreshes = 0
    off = onRequest((headers) => { headers.Authorization = 'Bearer ' + token })
    globalThis.fetch = vi.fn(async (url, init) => {
      calls.push([url, init.headers.Authorization])
      if (url.endsWith('/auth/login')) return json(401, { status: 401, detail: 'wrong' })
      return init.headers.Authorization === 'Bearer new' ? json(200, { ok: true }) : json(401, { status: 401 })
    })
    // What the auth store does: one refresh shared by concurrent 401s.
    let flight = null
    onUnauthorized(async (_path, sent) => {
      if (sent !== 'Bearer ' + token) return true
      if (!flight) flight = (async () => { refreshes++; await new Promise((r) => setTimeout(r, 5)); token = 'new'; return true })()
      return flight
    })
  })
  afterEach(() => { off(); onUnauthorized(null) })

  it('refreshes once for concurrent 401s and repeats each request once', async () => {
    const results = await Promise.all([api.get('/a'), api.get('/b'), api.get('/c')])
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    expect(refreshes).toBe(1)
    expect(calls.filter(([u]) => u === '/api/v1/a').map(([, a]) => a)).toEqual(['Bearer old', 'Bearer new'])
  })

  it('never retries the login itself', async () => {
    await expect(api.post('/auth/login', { username: 'u', password: 'p' })).rejects.toMatchObject({ status: 401 })
    expect(refreshes).toBe(0)
    expect(calls.length).toBe(1)
  })

  it('gives up when the refresh fails', async () => {
    onUnauthorized(async () => false)
    await expect(api.get('/a')).rejects.toMatchObject({ status: 401 })
    expect(calls.length).toBe(1)
  })
})
