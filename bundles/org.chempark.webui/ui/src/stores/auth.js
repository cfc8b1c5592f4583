import { defineStore } from 'pinia'
import { onRequest, onResponse } from '../api/http'

/**
 * Authentication placeholder (login arrives with issue 3). The store already owns the token
 * and adds it to every request, so the login page only has to call setSession().
 */
export const useAuth = defineStore('auth', {
  state: () => ({
    token: sessionStorage.getItem('chempark.token') || null,
    user: null,
    permissions: [],
    unauthorized: false
  }),
  getters: {
    loggedIn: (s) => !!s.token,
    // Until authentication exists every menu entry is visible.
    can: (s) => (permission) => !permission || !s.token || s.permissions.includes(permission)
  },
  actions: {
    setSession(token, user, permissions = []) {
      this.token = token
      this.user = user
      this.permissions = permissions
      if (token) sessionStorage.setItem('chempark.token', token)
      else sessionStorage.removeItem('chempark.token')
    },
    logout() { this.setSession(null, null, []) },
    install() {
      onRequest((headers) => { if (this.token) headers.Authorization = 'Bearer ' + this.token })
      onResponse((res) => { if (res.status === 401) this.unauthorized = true })
    }
  }
})
