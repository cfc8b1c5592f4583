import { describe, expect, it } from 'vitest'
import { alarmOrder, applyAlarm, limitState } from '../src/services/live'
import { autoInterval, fmtValue, limitLines, toSeries, ageSeconds } from '../src/views/telemetry/format'
import { fromForm, toForm } from '../src/views/telemetry/config-form'

describe('live alarms', () => {
  const a1 = { id: 1, pointCode: 'P1', state: 'ACTIVE', priority: 2, raisedAt: '2026-11-28T10:00:00Z' }
  const a2 = { id: 2, pointCode: 'P2', state: 'ACKNOWLEDGED', priority: 1, raisedAt: '2026-11-28T11:00:00Z' }

  it('orders unacknowledged first, then by priority, then newest', () => {
    const a3 = { id: 3, state: 'ACTIVE', priority: 1, raisedAt: '2026-11-28T09:00:00Z' }
    expect([a1, a2, a3].sort(alarmOrder).map((a) => a.id)).toEqual([3, 1, 2])
  })

  it('adds a raised alarm, keeps fields it already had, drops one that cleared after acknowledgement', () => {
    let list = applyAlarm([a2], 'RAISED', { id: 1, point: 'P1', state: 'ACTIVE', priority: 2, raisedAt: a1.raisedAt })
    expect(list.map((a) => a.id)).toEqual([1, 2])
    expect(list[0].pointCode).toBe('P1')
    list = applyAlarm(list, 'CLEARED', { id: 2, point: 'P2', state: 'CLEARED' })
    expect(list.map((a) => a.id)).toEqual([1])
  })

  it('keeps a cleared alarm nobody acknowledged yet', () => {
    const list = applyAlarm([a1], 'CLEARED', { id: 1, point: 'P1', state: 'ACTIVE' })
    expect(list.map((a) => a.id)).toEqual([1])
  })

  it('places a value against its limits', () => {
    const p = { ll: 1, l: 2, h: 8, hh: 9 }
    expect(limitState(9.5, p)).toBe('HH')
    expect(limitState(8, p)).toBe('H')
    expect(limitState(5, p)).toBe('')
    expect(limitState(1.5, p)).toBe('L')
    expect(limitState(0, p)).toBe('LL')
    expect(limitState(null, p)).toBe('')
    expect(limitState(100, { h: null, hh: null })).toBe('')
  })
})

describe('telemetry formatting', () => {
  it('formats values with sensible precision', () => {
    expect(fmtValue(null)).toBe('—')
    expect(fmtValue(1234.5)).toBe('1235')
    expect(fmtValue(12.345)).toBe('12.35')
    expect(fmtValue(0.01234)).toBe('0.012')
  })

  it('chooses raw readings for an hour and coarser buckets for longer ranges', () => {
    expect(autoInterval(0, 3600e3)).toBe(0)
    expect(autoInterval(0, 86400e3)).toBe(300)
    expect(autoInterval(0, 7 * 86400e3)).toBe(1800)
  })

  it('turns history rows into chart data and limits into mark lines', () => {
    expect(toSeries([['2026-11-28T00:00:00Z', 1.5, 'GOOD']])).toEqual([[Date.parse('2026-11-28T00:00:00Z'), 1.5]])
    expect(toSeries([{ t: '2026-11-28T00:00:00Z', avg: 2 }])).toEqual([[Date.parse('2026-11-28T00:00:00Z'), 2]])
    expect(limitLines({ hh: 9, h: null, l: 2 }).map((l) => l.name)).toEqual(['HH', 'L'])
    expect(ageSeconds('2026-11-28T00:00:10Z', Date.parse('2026-11-28T00:00:15Z'))).toBe(5)
  })
})

describe('connection editor', () => {
  const attrs = [
    { id: 'name', type: 'String', cardinality: 0, required: true },
    { id: 'port', type: 'Integer', cardinality: 0, required: true, default: ['502'] },
    { id: 'enabled', type: 'Boolean', cardinality: 0, default: ['true'] },
    { id: 'registerMap', type: 'String', cardinality: 1000, required: true },
    { id: 'note', type: 'String', cardinality: 0 }
  ]
  it('starts a new configuration from the defaults', () => {
    expect(toForm(attrs, null)).toEqual({ name: '', port: '502', enabled: true, registerMap: '', note: '' })
  })
  it('sends numbers as numbers, lists from lines, and leaves empty optional values out', () => {
    const out = fromForm(attrs, { name: 'gds-1', port: '1502', enabled: false, registerMap: 'a;holding;0\n\n b;holding;1 ', note: '' })
    expect(out).toEqual({ name: 'gds-1', port: 1502, enabled: false, registerMap: ['a;holding;0', 'b;holding;1'] })
  })
  it('keeps what the user typed when it is not a number, for the server to reject by name', () => {
    expect(fromForm(attrs, { name: 'x', port: '15o2', registerMap: 'a' }).port).toBe('15o2')
  })
})
