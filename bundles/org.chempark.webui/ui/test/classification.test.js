import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { classCounts, commitmentBody, commitmentForm, diagnosisBody, diagnosisPreview, diagnosisRows, rowPointsText, specialWorkText } from '../src/views/classification/classification.js'

describe('classification, commitments and diagnosis', () => {
  it('counts classes', () => {
    expect(classCounts([{ clazz: 'GENERAL' }, { clazz: 'SPECIAL_CONTROL' }, { clazz: 'GENERAL' }])).toEqual({ SPECIAL_CONTROL: 1, KEY_ATTENTION: 0, GENERAL: 2 })
  })

  it('builds a commitment body without empty special work', () => {
    const f = commitmentForm(5, '2026-11-28', 2, '承诺')
    f.specialWork['hot-work'] = 2
    f.principal = ' 张三 '
    const b = commitmentBody(f)
    expect(b).toMatchObject({ enterpriseId: 5, day: '2026-11-28', majorHazardSources: 2, principal: '张三', specialWork: { 'hot-work': 2 } })
    expect(Object.keys(b.specialWork)).toEqual(['hot-work'])
    expect(specialWorkText({ 'hot-work': 2, lifting: 1 }, (k) => k)).toBe('hot-work 2, lifting 1')
  })

  // The table as GET /classification/diagnosis/table sends it, read from the classification module's own CSV files,
  // so that the preview is checked against the rows the server scores with (DiagnosisTest's worked examples).
  const DATA = new URL('../../../org.chempark.classification/src/main/resources/org/chempark/classification/internal/', import.meta.url)
  const csv = (name) => readFileSync(new URL(name, DATA), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split(';').map((c) => c.trim()))
  const table = {
    bands: [{ level: 'RED', scoreBelow: 60 }, { level: 'ORANGE', scoreFrom: 60, scoreBelow: 75 }, { level: 'YELLOW', scoreFrom: 75, scoreBelow: 90 }, { level: 'BLUE', scoreFrom: 90 }],
    projects: csv('diagnosis-projects.csv').map(([id, category, name, max]) => ({ id, category, name, maxDeduction: Number(max) })),
    items: csv('diagnosis-items.csv').map(([id, projectId, kind, points, per, maxCount, , text]) =>
      ({ id, projectId, kind, points: Number(points), per: per || null, maxCount: maxCount ? Number(maxCount) : null, text }))
  }
  /** Form rows with what was found: {itemId: count} (1 for rows not counted per unit). */
  const found = (counts) => diagnosisRows(table).map((r) => ({ ...r, count: counts[r.itemId] || 0 }))
  const preview = (counts, reds = []) => diagnosisPreview(table, found(counts), reds)

  it('previews the diagnosis as the server scores it: per-unit counts, 项目 caps, bonuses, the band boundaries, direct red', () => {
    expect(preview({ '1.1.2': 1, '1.3.1': 2, '2.1.1': 1 })).toEqual({ score: 85, deducted: 15, added: 0, level: 'YELLOW', directRed: false })
    expect(preview({})).toMatchObject({ score: 100, level: 'BLUE' })
    expect(preview({ '1.1.1': 1 })).toMatchObject({ score: 90, level: 'BLUE' })
    expect(preview({ '1.1.1': 1, '1.2.3': 1 })).toMatchObject({ score: 89.9, level: 'YELLOW' })
    expect(preview({ '1.1.1': 1, '1.3.1': 5, '2.1.1': 1, '4.1.2': 1 })).toMatchObject({ score: 75, level: 'YELLOW' })
    expect(preview({ '1.1.1': 1, '1.3.1': 5, '2.1.1': 1, '4.1.2': 1, '1.2.3': 1 })).toMatchObject({ score: 74.9, level: 'ORANGE' })
    expect(preview({ '1.1.1': 1, '1.3.1': 5, '2.1.2': 1, '3.1.2': 1 })).toMatchObject({ score: 60, level: 'ORANGE' })
    expect(preview({ '1.1.1': 1, '1.3.1': 5, '2.1.2': 1, '3.1.2': 1, '1.2.3': 1 })).toMatchObject({ score: 59.9, level: 'RED' })
    // each 项目 stops at its 分值: 12 × 1 → 10 (5.1), 60 × 0.1 → 5 (1.2); accidents 10 + 8 → 10 (9.2)
    expect(preview({ '5.1.5': 12, '1.2.3': 60 })).toMatchObject({ score: 85, deducted: 15 })
    expect(preview({ '9.2.1': 1, '9.2.2': 1 }).score).toBe(90)
    // a bonus lifts 73 (橙) to 75 (黄)
    const ds = { '1.1.1': 1, '1.3.1': 5, '2.1.1': 1, '4.1.2': 1, '4.1.1': 1 }
    expect(preview(ds).level).toBe('ORANGE')
    expect(preview({ ...ds, '9.1.3': 1 })).toMatchObject({ score: 75, added: 2, level: 'YELLOW' })
    // no ceiling; direct red whatever the score
    expect(preview({ '3.1.3': 1, '6.1.5': 3, '8.1.1': 1, '9.1.1': 1, '9.2.4': 1 }).score).toBe(131)
    expect(preview({ '9.1.1': 1, '8.1.1': 1 }, ['R2'])).toEqual({ score: 118, deducted: 0, added: 18, level: 'RED', directRed: true })
  })

  it('sends the rows found, deductions and bonuses apart, with a count only for per-unit rows', () => {
    const rows = found({ '1.1.2': 1, '1.3.1': 2, '9.1.3': 1 })
    rows.find((r) => r.itemId === '1.3.1').note = ' 氯化、加氢 '
    const body = diagnosisBody({ enterpriseId: 3, assessedOn: '2026-11-20', assessor: '安评中心', directRed: [] }, rows)
    expect(body.deductions).toEqual([{ itemId: '1.1.2', note: null }, { itemId: '1.3.1', count: 2, note: '氯化、加氢' }])
    expect(body.bonuses).toEqual([{ itemId: '9.1.3', note: null }])
    expect(body).toMatchObject({ enterpriseId: 3, assessor: '安评中心' })
    expect(rowPointsText({ kind: 'DEDUCT', points: 2, per: '种', maxCount: 18 })).toBe('−2/种 (≤ 18)')
    expect(rowPointsText({ kind: 'BONUS', points: 15 })).toBe('+15')
  })
})
