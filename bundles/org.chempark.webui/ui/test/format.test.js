import { describe, expect, it } from 'vitest'
import { deadlineInfo, fmtPercent, fmtScore, formatDuration, localDate, parkDate, problemText } from '../src/format.js'
import { messages } from '../src/i18n.js'

// t() as the pages get it, over the real zh-CN messages
const lookup = (locale, key) => key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), messages[locale])
const t = (key, params = {}) => String(lookup('zh-CN', key) ?? key).replace(/\{(\w+)\}/g, (_, k) => params[k])

describe('formatting', () => {
  it('gives the day of the park (Asia/Shanghai), not of the browser', () => {
    expect(parkDate(new Date('2026-11-28T15:59:00Z'))).toBe('2026-11-28')
    expect(parkDate(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29')
    expect(localDate(new Date(2026, 0, 5))).toBe('2026-01-05')
    expect(localDate('2026-03-04')).toBe('2026-03-04')
  })

  it('writes durations with their two largest parts', () => {
    expect(formatDuration(12, t)).toBe('12 分钟')
    expect(formatDuration(125, t)).toBe('2 小时 5 分钟')
    expect(formatDuration(120, t)).toBe('2 小时')
    expect(formatDuration(1440 * 2 + 61, t)).toBe('2 天 1 小时')
    expect(formatDuration(-30, t)).toBe('30 分钟')
  })

  it('says how long is left before a deadline or how long it is overdue', () => {
    const now = Date.parse('2026-11-28T10:00:00Z')
    expect(deadlineInfo('2026-11-28T11:20:00Z', t, now)).toEqual({ overdue: false, soon: false, text: '剩余 1 小时 20 分钟' })
    expect(deadlineInfo('2026-11-28T10:30:00Z', t, now)).toMatchObject({ overdue: false, soon: true })
    expect(deadlineInfo('2026-11-28T09:30:00Z', t, now)).toMatchObject({ overdue: true, text: '已超时 30 分钟' })
    expect(deadlineInfo('2026-11-28T10:00:00Z', t, now).overdue).toBe(true) // due at this instant: the server counts it overdue too
    expect(deadlineInfo(null, t, now)).toBeNull()
  })

  it('formats scores, rates and conflicts', () => {
    expect(fmtScore(47.5)).toBe('47.5')
    expect(fmtScore(30)).toBe('30')
    expect(fmtScore(null)).toBe('—')
    expect(fmtPercent(0.667)).toBe('66.7 %')
    expect(fmtPercent(null)).toBe('—')
    expect(problemText({ status: 409, message: 'changed meanwhile' }, t)).toBe('操作冲突: changed meanwhile')
    expect(problemText({ status: 422, message: 'bad' }, t)).toBe('bad')
  })
})
