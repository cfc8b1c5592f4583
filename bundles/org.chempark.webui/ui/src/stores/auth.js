import { defineStore } from 'pinia'
import { api, onRequest, onResponse, onUnauthorized } from '../api/http'
import { SESSION_KEY, IDLE_MS, PASSWORD_CHANGE_TYPE, sessionFrom, refreshDelay, loadSession, isParkWide } from '../auth/session'
import { usePlatform } from './platform'

/**
 * The login session. Tokens live in memory and in sessionStorage (this tab only, so a reload keeps
 * the session; closing the tab ends it); the password is never stored. The access token is
 * refreshed shortly before it expires and, once, when a request answers 401 — one refresh at a
 * time (refresh tokens are used up on use; presenting one twice ends the session on the server).
 * When the session cannot be renewed the user is sent to /login?redirect=<where they were>.
 */
let refreshing = null
let refreshTimer = null
let idleTimer = null
let lastActivity = Date.now()
let router = null

function toLogin(current) {
  if (router && current && !current.meta.public) router.replace({ name: 'login', query: { redirect: current.fullPath } })
}

function storage() {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage
}

export const useAuth = defineStore('auth', {
  state: () => ({
    session: loadSession(storage()),
    user: null,
    permissions: [],
    mustChangePassword: false,
    meLoaded: false,
    /** Why the last session ended ('expired', 'idle', 'logout'), shown on the login page. */
    endReason: null
  }),
  getters: {
    loggedIn: (s) => !!s.session?.accessToken,
    token: (s) => s.session?.accessToken || null,
    /** Menu entries without a permission are for everybody; others need it in /auth/me's effectivePermissions. */
    can: (s) => (permission) => !permission || s.permissions.includes(permission),
    displayName: (s) => s.user?.displayName || s.user?.username || '',
    /** Park administration, its departments and authorities see every enterprise; enterprise and contractor users do not. */
    parkWide: (s) => isParkWide(s.user)
  },
  actions: {
    applyTokens(tokens) {
      this.session = sessionFrom(tokens)
      this.mustChangePassword = !!tokens.mustChangePassword
      this.endReason = null
      storage()?.setItem(SESSION_KEY, JSON.stringify(this.session))
      this.scheduleRefresh()
    },

    /** POST /auth/login, then /auth/me. Resolves to mustChangePassword; throws ApiError (401, 423, 429 …). */
    async login(username, password) {
      const tokens = await api.post('/auth/login', { username, password })
      usePlatform().$reset()
      this.applyTokens(tokens)
      await this.loadMe()
      return this.mustChangePassword
    },

    async loadMe() {
      const me = await api.get('/auth/me')
      this.user = me
      this.permissions = me.effectivePermissions || []
      this.mustChangePassword = !!me.mustChangePassword
      this.meLoaded = true
      return me
    },

    /** One refresh at a time; resolves true when new tokens are in place. */
    refresh() {
      if (!refreshing) refreshing = this.doRefresh().finally(() => { refreshing = null })
      return refreshing
    },

    async doRefresh() {
      const refreshToken = this.session?.refreshToken
      if (!refreshToken) return false
      try {
        this.applyTokens(await api.post('/auth/refresh', { refreshToken }))
        return true
      } catch (e) {
        // 401: used up, expired or the session ended. Other failures (network, 5xx) keep the
        // session; the next request or timer tries again.
        if (e.status === 401 || e.status === 400 || e.status === 422) this.end('expired')
        else this.scheduleRefresh(15000)
        return false
      }
    },

    scheduleRefresh(delay) {
      clearTimeout(refreshTimer)
      const ms = delay ?? refreshDelay(this.session)
      if (ms !== null && this.loggedIn) refreshTimer = setTimeout(() => this.refresh(), ms)
    },

    /** Calls /auth/logout (so the tokens stop working on the server) and forgets the session. */
    async logout() {
      if (this.loggedIn) {
        try { await api.post('/auth/logout') } catch { /* the session is forgotten here anyway */ }
      }
      this.clear('logout')
    },

    /** Forgets the session without asking the server. */
    clear(reason = null) {
      clearTimeout(refreshTimer)
      this.session = null
      this.user = null
      this.permissions = []
      this.mustChangePassword = false
      this.meLoaded = false
      this.endReason = reason
      storage()?.removeItem(SESSION_KEY)
      const platform = usePlatform()
      platform.stopPolling()
      platform.$reset()
    },

    /** The session is over (refresh failed): forget it and go to the login page. */
    end(reason) {
      const current = router?.currentRoute.value
      this.clear(reason)
      toLogin(current)
    },

    /** No input for IDLE_MS: log out on the server too, then the login page. */
    async endIdle() {
      const current = router?.currentRoute.value
      try { await api.post('/auth/logout') } catch { /* forgotten here anyway */ }
      this.clear('idle')
      toLogin(current)
    },

    install(appRouter) {
      router = appRouter
      onRequest((headers, path) => {
        if (this.session?.accessToken && path !== '/auth/login' && path !== '/auth/refresh') {
          headers.Authorization = 'Bearer ' + this.session.accessToken
        }
      })
      // 401 on an ordinary request: refresh once (shared by concurrent requests), then retry.
      onUnauthorized(async (path, sentAuthorization) => {
        if (!this.loggedIn) return false
        // Another request refreshed meanwhile: just repeat with the new token.
        if (sentAuthorization && sentAuthorization !== 'Bearer ' + this.session.accessToken) return true
        const ok = await this.refresh()
        if (!ok && this.loggedIn) this.end('expired')
        return ok
      })
      onResponse((res) => {
        if (res.status === 403 && this.loggedIn) {
          res.clone().json().then((p) => {
            if (p?.type === PASSWORD_CHANGE_TYPE) {
              this.mustChangePassword = true
              if (router && router.currentRoute.value.name !== 'change-password') {
                router.replace({ name: 'change-password', query: { redirect: router.currentRoute.value.fullPath } })
              }
            }
          }).catch(() => {})
        }
      })
      if (this.loggedIn) this.scheduleRefresh()
      // Client-side idle timeout (see IDLE_MS).
      if (typeof window !== 'undefined') {
        const touch = () => { lastActivity = Date.now() }
        for (const ev of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart']) {
          window.addEventListener(ev, touch, { passive: true, capture: true })
        }
        clearInterval(idleTimer)
        idleTimer = setInterval(() => {
          const onScreen = router?.currentRoute.value.name === 'screen'
          if (this.loggedIn && !onScreen && Date.now() - lastActivity > IDLE_MS) this.endIdle()
        }, 30000)
      }
    }
  }
})
