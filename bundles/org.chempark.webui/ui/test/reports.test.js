import { describe, expect, it } from 'vitest'
import { fileProblem, hiddenDangerActions, progressIndex, searchQuery } from '../src/views/report/hidden-dangers.js'

describe('hidden dangers (三录入)', () => {
  const can = (perms) => (p) => perms.includes(p)
  it('offers the allowed entries the user may make', () => {
    const rect = { status: 'RECTIFYING', allowedActions: ['rectification', 'evidence', 'feedback'], evidence: [] }
    expect(hiddenDangerActions(rect, can(['report:write']))).toMatchObject({ rectification: true, evidence: true, feedback: true, feedbackNeedsEvidence: true, verification: false })
    expect(hiddenDangerActions({ ...rect, evidence: [{ id: 1 }] }, can(['report:write'])).feedbackNeedsEvidence).toBe(false)
    const sub = { status: 'SUBMITTED', allowedActions: ['verification'], evidence: [{ id: 1 }] }
    expect(hiddenDangerActions(sub, can(['report:write'])).verification).toBe(false)
    expect(hiddenDangerActions(sub, can(['report:admin'])).verification).toBe(true)
    expect(progressIndex('RECORDED')).toBe(1)
    expect(progressIndex('CLOSED')).toBe(4)
  })
  it('searches only with a query and refuses files above the body limit', () => {
    expect(searchQuery('  储罐液位 ', 'fuzzy')).toEqual({ q: '储罐液位', match: 'fuzzy' })
    expect(searchQuery('', 'exact')).toEqual({})
    expect(fileProblem({ size: 2 << 20 })).toBe('file.tooLarge')
    expect(fileProblem({ size: 10 })).toBeNull()
  })
})
