import { describe, expect, it } from 'vitest'
import { evidenceProblem, recordBody, recordProblems, recordRows, sourceRows, taskTag } from '../src/views/hazard/responsibility.js'

describe('包保 responsibility', () => {
  const sources = [
    { unitId: 1, unitCode: 'U1', unitName: '罐区', enterpriseId: 5, majorHazardSource: true },
    { unitId: 2, unitCode: 'U2', unitName: '仓库', enterpriseId: 5, majorHazardSource: false },
    { unitId: 3, unitCode: 'U3', unitName: '装置', enterpriseId: 6, majorHazardSource: true }
  ]
  it('lists every major hazard source with its three roles and what is missing', () => {
    const persons = [{ id: 9, unitId: 1, enterpriseId: 5, role: 'PRINCIPAL', active: true }, { id: 10, unitId: 1, enterpriseId: 5, role: 'TECHNICAL', active: false }]
    const rows = sourceRows(sources, persons)
    expect(rows.map((r) => r.unitId)).toEqual([1, 3])
    expect(rows[0].PRINCIPAL.id).toBe(9)
    expect(rows[0].missing).toEqual(['TECHNICAL', 'OPERATIONAL'])
    expect(sourceRows(sources, persons, 6).map((r) => r.unitId)).toEqual([3])
    // a non-major unit with a person still shows
    expect(sourceRows(sources, [{ id: 11, unitId: 2, enterpriseId: 5, role: 'OPERATIONAL', active: true }]).map((r) => r.unitId)).toEqual([1, 2, 3])
  })

  it('records every check item, and an issue needs a remark', () => {
    const rows = recordRows({ items: ['检查液位计', '检查可燃气体报警器'] })
    expect(rows.every((r) => r.result === 'OK')).toBe(true)
    rows[1].result = 'ISSUE'
    expect(recordProblems(rows)).toEqual({ 1: 'duty.issueRemark' })
    rows[1].remark = ' 2 号探头失效 '
    expect(recordProblems(rows)).toEqual({})
    expect(recordBody(rows, '')).toEqual({ summary: null, items: [
      { item: '检查液位计', result: 'OK', remark: null }, { item: '检查可燃气体报警器', result: 'ISSUE', remark: '2 号探头失效' }] })
  })

  it('checks evidence files before sending them', () => {
    expect(evidenceProblem({ type: 'image/png', size: 1000 })).toBeNull()
    expect(evidenceProblem({ type: 'application/msword', size: 1000 })).toBe('duty.evidenceType')
    expect(evidenceProblem({ type: 'application/pdf', size: 2 * 1024 * 1024 })).toBe('duty.evidenceSize')
    expect(evidenceProblem(null)).toBe('duty.noFile')
    expect(taskTag({ status: 'OVERDUE' })).toBe('danger')
    expect(taskTag({ status: 'DONE', late: true })).toBe('warning')
  })
})
