import { describe, expect, it, beforeEach } from 'vitest'
import { setActivePinia, createPinia } from 'pinia'
import { usePaged } from '../src/composables/paged.js'
import { useFormDialog } from '../src/composables/page.js'
import { useLookups } from '../src/stores/lookups.js'
import { mergeMessages } from '../src/i18n.js'

const t = (k) => k

describe('paged lists', () => {
  it('loads a page, remembers it and goes back to the first one on reload(0)', async () => {
    const asked = []
    const list = usePaged(async (q) => { asked.push(q); return { items: [{ id: q.page }], total: 41 } }, { size: 20 })
    await list.reload(2)
    expect(list.pageNo.value).toBe(3)
    expect(list.rows.value).toEqual([{ id: 2 }])
    expect(list.total.value).toBe(41)
    await list.reload()
    await list.reload(0)
    expect(asked.map((q) => q.page)).toEqual([2, 2, 0])
    expect(list.loading.value).toBe(false)
  })
})

describe('form dialogs', () => {
  it('closes on success and answers what the request answered', async () => {
    const d = useFormDialog(t, ['name'])
    d.show()
    expect(await d.submit(async () => ({ id: 7 }))).toEqual({ id: 7 })
    expect(d.open.value).toBe(false)
    expect(d.saving.value).toBe(false)
  })

  it('keeps a refused form open with 422 errors under the fields (nested ones too) and a 409 on top', async () => {
    const seen = []
    const d = useFormDialog(t, ['name', 'specialWork'], { onError: (e) => seen.push(e.status) })
    d.show()
    const invalid = { status: 422, message: 'x', fieldErrors: { name: 'required', 'specialWork.hot-work': 'min', other: 'bad' } }
    expect(await d.submit(async () => { throw invalid })).toBeUndefined()
    expect(d.open.value).toBe(true)
    expect(d.errors.value).toMatchObject({ name: 'required', 'specialWork.hot-work': 'min' })
    expect(d.error.value).toContain('other — bad')
    expect(d.error.value).not.toContain('hot-work')
    await d.submit(async () => { throw { status: 409, message: 'already filed', fieldErrors: {} } })
    expect(d.error.value).toBe('common.conflict: already filed')
    expect(seen).toEqual([422, 409])
  })
})

describe('names of enterprises and hazard sources', () => {
  beforeEach(() => setActivePinia(createPinia()))
  it('shows names, or #id for what the user cannot see', () => {
    const l = useLookups()
    l.enterprises = [{ id: 1, code: 'E01', name: '江苏滨港石化有限公司' }]
    l.sources = [{ unitId: 5, unitCode: 'E01-U01', unitName: '液化石油气球罐区', enterpriseId: 1, majorHazardSource: true }, { unitId: 6, majorHazardSource: false }]
    expect(l.enterpriseName(1)).toBe('江苏滨港石化有限公司')
    expect(l.enterpriseName(9)).toBe('#9')
    expect(l.sourceLabel(5)).toBe('E01-U01 液化石油气球罐区')
    expect(l.sourceLabel(7)).toBe('#7')
    expect(l.majorSources.map((s) => s.unitId)).toEqual([5])
    expect(l.manyEnterprises).toBe(false)
  })
})

describe('messages', () => {
  it('merges a page group\'s sections into the shared ones', () => {
    const m = mergeMessages({ common: { save: '保存' } }, { common: { exportExcel: '导出 Excel' }, risk: { title: '风险' } })
    expect(m).toEqual({ common: { save: '保存', exportExcel: '导出 Excel' }, risk: { title: '风险' } })
  })
})
