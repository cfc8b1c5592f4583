import { defineStore } from 'pinia'
import { api } from '../api/http'

const POLL_MS = 4000
let polling = null

/**
 * What the platform currently runs: modules (and so the menu), the UI parts bundles serve,
 * health and the park. Polled every few seconds and on window focus, so installing or
 * uninstalling a module feature changes the menu without a reload.
 */
export const usePlatform = defineStore('platform', {
  state: () => ({
    modules: [],
    uiParts: {},
    modulesLoaded: false,
    health: null,
    healthError: false,
    park: null,
    lastSignature: ''
  }),
  getters: {
    /** Menu groups: one per module with entries, entries sorted by order, groups by their first entry. */
    menuGroups: (s) => s.modules
      .filter((m) => (m.menu || []).length > 0)
      .map((m) => ({ module: m, entries: [...m.menu].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)) }))
      .sort((a, b) => (a.entries[0].order ?? 0) - (b.entries[0].order ?? 0) || a.module.id.localeCompare(b.module.id)),
    /** The module and entry whose route is path (exact), or null. */
    findRoute: (s) => (path) => {
      for (const m of s.modules) {
        for (const e of m.menu || []) if (e.route === path) return { module: m, entry: e }
      }
      return null
    },
    hasModule: (s) => (id) => s.modules.some((m) => m.id === id && m.state === 'ACTIVE')
  },
  actions: {
    async loadModules() {
      const [modules, parts] = await Promise.all([
        api.get('/modules'),
        fetch('/modules/ui-parts.json', { headers: { Accept: 'application/json' } })
          .then((r) => (r.ok ? r.json() : {})).catch(() => ({}))
      ])
      const signature = JSON.stringify([modules, parts])
      if (signature !== this.lastSignature) {
        this.modules = modules
        this.uiParts = parts || {}
        this.lastSignature = signature
      }
      this.modulesLoaded = true
    },
    async loadHealth() {
      try {
        this.health = await api.get('/health')
        this.healthError = false
      } catch (e) {
        // A 503 still carries a health document.
        this.health = e.problem && e.problem.components ? e.problem : null
        this.healthError = !this.health
      }
    },
    async loadPark() {
      try { this.park = await api.get('/asset/park') } catch { this.park = null }
    },
    /** Starts polling (idempotent); stopPolling() ends it (the shell does on logout/unmount). */
    startPolling() {
      if (polling) return
      const tick = () => this.loadModules().catch(() => {})
      tick(); this.loadHealth(); this.loadPark()
      let n = 0
      const timer = setInterval(() => {
        if (document.hidden) return
        tick()
        if (++n % 4 === 0) this.loadHealth()
      }, POLL_MS)
      const onFocus = () => { tick(); this.loadHealth() }
      window.addEventListener('focus', onFocus)
      polling = () => { clearInterval(timer); window.removeEventListener('focus', onFocus) }
    },
    stopPolling() {
      if (polling) polling()
      polling = null
    }
  }
})
