import { describe, expect, it } from 'vitest'
import { referenceRoute, unreadLabel } from '../src/views/notify/inbox'

describe('inbox', () => {
  it('leads a warning reference to its drawer on the warnings page', () => {
    expect(referenceRoute('risk/warning/17')).toEqual({ path: '/risk/warnings', query: { id: '17' } })
    expect(referenceRoute(' report/hidden-danger/3 ')).toEqual({ path: '/report/hidden-dangers', query: { id: '3' } })
  })
  it('has no page for unknown or malformed references', () => {
    expect(referenceRoute(null)).toBeNull()
    expect(referenceRoute('')).toBeNull()
    expect(referenceRoute('risk/warning/x')).toBeNull()
    expect(referenceRoute('emergency/scenario/4')).toBeNull()
    expect(referenceRoute('javascript:alert(1)')).toBeNull()
  })
  it('labels the unread count for the bell', () => {
    expect(unreadLabel(0)).toBe('')
    expect(unreadLabel(undefined)).toBe('')
    expect(unreadLabel(7)).toBe('7')
    expect(unreadLabel(100)).toBe('99+')
  })
})
