import { describe, expect, it } from 'vitest'
import { groupPermissions, splitGrants, problemForm, formatTime } from '../src/views/security/common'

const PERMS = [
  { id: 'hazard:read', module: 'hazard', nameZh: '查看', nameEn: 'Read' },
  { id: 'asset:write', module: 'asset', nameZh: '编辑', nameEn: 'Write' },
  { id: 'asset:read', module: 'asset', nameZh: '查看', nameEn: 'Read' }
]

describe('role editor', () => {
  it('groups permissions by module, modules and ids sorted', () => {
    const g = groupPermissions(PERMS)
    expect(g.map((x) => x.module)).toEqual(['asset', 'hazard'])
    expect(g[0].items.map((p) => p.id)).toEqual(['asset:read', 'asset:write'])
  })

  it('keeps patterns and permissions of uninstalled modules apart from the boxes', () => {
    const s = splitGrants(['asset:read', '*:read', 'telemetry:ack'], PERMS)
    expect(s.boxes).toEqual(['asset:read'])
    expect(s.other).toEqual(['*:read', 'telemetry:ack'])
  })
})

describe('forms', () => {
  const t = (k) => k
  it('puts 422 field errors under their fields and names fields the form lacks', () => {
    const errors = { value: {} }
    const formError = { value: '' }
    problemForm({ status: 422, fieldErrors: { username: 'taken', mobile: 'bad check digit' }, message: 'x' }, t, errors, formError, ['username'])
    expect(errors.value.username).toBe('taken')
    expect(formError.value).toContain('mobile — bad check digit')
  })

  it('shows a 409 as a conflict', () => {
    const errors = { value: {} }
    const formError = { value: '' }
    problemForm({ status: 409, fieldErrors: {}, message: 'changed by someone else' }, t, errors, formError)
    expect(formError.value).toBe('common.conflict: changed by someone else')
  })

  it('formats instants and leaves empty values empty', () => {
    expect(formatTime(null)).toBe('')
    expect(formatTime('2026-11-28T10:00:00Z')).toMatch(/2026/)
  })
})
