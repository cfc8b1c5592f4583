import { describe, it, expect } from 'vitest'
import { sortParam, mergeForSave, ENTITY_CONFIG } from '../src/views/asset/entities.js'

describe('asset pages', () => {
  it('turns table sorting into the API sort parameter', () => {
    expect(sortParam({ prop: 'name', order: 'ascending' })).toBe('name')
    expect(sortParam({ prop: 'code', order: 'descending' })).toBe('-code')
    expect(sortParam({ prop: 'code', order: null })).toBeUndefined()
  })

  it('keeps what the form does not edit (geometry, version) when saving', () => {
    const original = { id: 1, code: 'E01', name: 'A', geometry: { type: 'Polygon' }, version: 3, employees: 5 }
    const body = mergeForSave(original, { code: 'E01', name: 'B', employees: '' }, ENTITY_CONFIG.enterprises.fields)
    expect(body).toMatchObject({ id: 1, name: 'B', geometry: { type: 'Polygon' }, version: 3, employees: null })
  })

  it('only offers sorting on columns the API sorts by', () => {
    const apiSort = {
      enterprises: ['code', 'name', 'industry', 'employees', 'creditCode'],
      units: ['code', 'name', 'type', 'enterpriseId', 'exposedPeople'],
      equipment: ['code', 'name', 'type', 'unitId', 'capacityM3'],
      points: ['code', 'name', 'type', 'equipmentId', 'unit'],
      chemicals: ['cas', 'nameZh', 'nameEn', 'hazardCategory', 'criticalQuantityT'],
      catalog: ['name', 'category', 'subjectType']
    }
    for (const [entity, cfg] of Object.entries(ENTITY_CONFIG)) {
      for (const c of cfg.columns.filter((x) => x.sortable)) expect(apiSort[entity]).toContain(c.prop)
    }
  })
})
