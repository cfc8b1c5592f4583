import { describe, it, expect, beforeEach } from 'vitest'
import { setActivePinia, createPinia } from 'pinia'
import { usePlatform } from '../src/stores/platform.js'

describe('menu from /api/v1/modules', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('groups entries per module, sorted by order, modules by their first entry', () => {
    const p = usePlatform()
    p.modules = [
      { id: 'example', state: 'ACTIVE', menu: [{ id: 'x', route: '/example', order: 900 }] },
      { id: 'core', state: 'ACTIVE', menu: [] },
      { id: 'asset', state: 'ACTIVE', menu: [
        { id: 'enterprises', route: '/asset/enterprises', order: 100 },
        { id: 'map', route: '/map', order: 10 }] }
    ]
    expect(p.menuGroups.map((g) => g.module.id)).toEqual(['asset', 'example'])
    expect(p.menuGroups[0].entries.map((e) => e.route)).toEqual(['/map', '/asset/enterprises'])
    expect(p.findRoute('/example').module.id).toBe('example')
    expect(p.findRoute('/nothing')).toBeNull()
    expect(p.hasModule('asset')).toBe(true)
    expect(p.hasModule('telemetry')).toBe(false)
  })
})
