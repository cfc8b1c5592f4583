import { defineStore } from 'pinia'
import { api } from '../api/http'
import { useAuth } from './auth'

/**
 * Names the major-hazard pages show for the ids their records carry: enterprises
 * (/asset/enterprises) and hazard sources (/hazard/sources?all=true, i.e. every unit with its
 * GB 18218 assessment). Loaded once per user (the API cuts both to what the user may see, so an
 * enterprise user gets only their own enterprise); a module that is absent or forbidden leaves its
 * list empty and the pages show "#id".
 */
export const useLookups = defineStore('lookups', {
  state: () => ({ enterprises: [], sources: [], owner: undefined, pending: null }),
  getters: {
    enterpriseName: (s) => (id) => (id == null ? '' : s.enterprises.find((e) => e.id === id)?.name || '#' + id),
    /** "E01-U01 甲醇罐区" for a unit id. */
    sourceLabel: (s) => (unitId) => {
      if (unitId == null) return ''
      const u = s.sources.find((x) => x.unitId === unitId)
      return u ? `${u.unitCode} ${u.unitName}` : '#' + unitId
    },
    source: (s) => (unitId) => s.sources.find((x) => x.unitId === unitId) || null,
    /** Major hazard sources only (S ≥ 1), most severe first (the API's order). */
    majorSources: (s) => s.sources.filter((x) => x.majorHazardSource),
    /** More than one enterprise visible: worth an enterprise filter. */
    manyEnterprises: (s) => s.enterprises.length > 1
  },
  actions: {
    /** Loads (once per logged-in user; again with force) and resolves when both lists are in. */
    load(force = false) {
      const owner = useAuth().user?.userId ?? null
      if (!force && this.owner === owner && this.pending) return this.pending
      this.owner = owner
      const quiet = (p) => p.catch(() => null)
      this.pending = Promise.all([
        quiet(api.get('/asset/enterprises', { size: 500, sort: 'code' })),
        quiet(api.get('/hazard/sources', { all: true }))
      ]).then(([ents, sources]) => {
        this.enterprises = ents?.items || []
        this.sources = sources || []
      })
      return this.pending
    }
  }
})
