import { describe, expect, it } from 'vitest'
import { classCounts, commitmentBody, commitmentForm, deductionList, diagnosisPreview, specialWorkText } from '../src/views/classification/classification.js'

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

  const bands = [{ level: 'RED', scoreBelow: 60 }, { level: 'ORANGE', scoreFrom: 60, scoreBelow: 75 }, { level: 'YELLOW', scoreFrom: 75, scoreBelow: 90 }, { level: 'BLUE', scoreFrom: 90 }]
  const d = (points) => [{ itemId: 'A1', points }]
  it('previews the diagnosis with the guideline\'s band boundaries (DiagnosisTest worked examples)', () => {
    expect(diagnosisPreview(bands, d(10), [])).toEqual({ score: 90, level: 'BLUE', directRed: false })
    expect(diagnosisPreview(bands, d(10.5), []).level).toBe('YELLOW')
    expect(diagnosisPreview(bands, d(25), []).level).toBe('YELLOW')
    expect(diagnosisPreview(bands, d(25.5), []).level).toBe('ORANGE')
    expect(diagnosisPreview(bands, d(40), []).level).toBe('ORANGE')
    expect(diagnosisPreview(bands, d(40.5), []).level).toBe('RED')
    expect(diagnosisPreview(bands, [{ itemId: 'A1', points: 10 }, { itemId: 'E1', points: 5 }], [])).toMatchObject({ score: 85, level: 'YELLOW' })
    expect(diagnosisPreview(bands, [{ itemId: 'G1', points: 2 }], ['R1'])).toEqual({ score: 98, level: 'RED', directRed: true })
  })
  it('sends only the items with a deduction', () => {
    expect(deductionList([{ itemId: 'A1', points: 0 }, { itemId: 'B2', points: 2.5, note: ' 未见 ' }])).toEqual([{ itemId: 'B2', points: 2.5, note: '未见' }])
  })
})
