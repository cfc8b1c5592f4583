import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { messages } from '../src/i18n.js'
import {
  DETECTOR_RULES, alarmCount, detectorRows, detectorSummary, gradeCounts, monitoringRows, parseSnapshot, sourceListRows,
  spotCheckBody, spotCheckProblems
} from '../src/views/hazard/sources.js'

const A = (unitId, grade, extra = {}) => ({ unitId, unitCode: 'U' + unitId, unitName: '罐区' + unitId, enterpriseId: unitId % 2 ? 1 : 2,
  majorHazardSource: grade != null, grade, s: grade ? 2 : 0.5, ...extra })

describe('hazard-source list', () => {
  const list = [A(1, 1), A(2, 2), A(3, null), A(4, 4)]

  it('lists major hazard sources only unless all, in the API order, with their risk', () => {
    const risk = new Map([[2, { colour: 'RED', score: 80 }]])
    expect(sourceListRows(list, {}, risk).map((r) => r.unitId)).toEqual([1, 2, 4])
    expect(sourceListRows(list, { all: true }).map((r) => r.unitId)).toEqual([1, 2, 3, 4])
    expect(sourceListRows(list, {}, risk).find((r) => r.unitId === 2).risk).toEqual({ colour: 'RED', score: 80 })
    expect(sourceListRows(list, {}, risk)[0].risk).toBeNull()
  })

  it('filters by enterprise, grade and keyword', () => {
    expect(sourceListRows(list, { enterpriseId: 2 }).map((r) => r.unitId)).toEqual([2, 4])
    expect(sourceListRows(list, { grade: 4 }).map((r) => r.unitId)).toEqual([4])
    expect(sourceListRows(list, { q: ' u2 ' }).map((r) => r.unitId)).toEqual([2])
    expect(sourceListRows(list, { q: '罐区1', all: true }).map((r) => r.unitId)).toEqual([1])
  })

  it('counts major hazard sources per grade', () => {
    expect(gradeCounts(list)).toEqual({ 1: 1, 2: 1, 3: 0, 4: 1 })
  })
})

describe('monitoring per hazard source', () => {
  const points = [
    { code: 'P1', value: 10, quality: 'GOOD', timestamp: '2026-11-28T10:00:00Z', alarms: [{ id: 7, kind: 'H' }] },
    { code: 'P2', value: null, quality: null, timestamp: null, alarms: [] }
  ]

  it('without a live connection shows the server view', () => {
    const rows = monitoringRows(points)
    expect(rows.map((r) => [r.code, r.value, r.alarms])).toEqual([['P1', 10, ['H']], ['P2', null, []]])
    expect(alarmCount(rows)).toBe(1)
  })

  it('a value pushed later replaces the view\'s; an older one does not', () => {
    const values = new Map([['P1', { value: 12, quality: 'GOOD', t: '2026-11-28T10:00:05Z' }], ['P2', { value: 3, quality: 'UNCERTAIN', t: '2026-11-28T09:00:00Z' }]])
    const rows = monitoringRows(points, { values })
    expect(rows[0]).toMatchObject({ value: 12, timestamp: '2026-11-28T10:00:05Z' })
    expect(rows[1]).toMatchObject({ value: 3, quality: 'UNCERTAIN' })
    const older = monitoringRows(points, { values: new Map([['P1', { value: 9, t: '2026-11-28T09:59:00Z' }]]) })
    expect(older[0].value).toBe(10)
  })

  it('while connected the live alarm list is the truth: cleared ones go, new ones come, kinds once', () => {
    const alarms = [{ id: 7, pointCode: 'P1', kind: 'H', state: 'CLEARED' }, { id: 8, pointCode: 'P2', kind: 'HH', state: 'ACTIVE' },
      { id: 9, pointCode: 'P2', kind: 'HH', state: 'ACKNOWLEDGED' }, { id: 10, pointCode: 'X9', kind: 'L', state: 'ACTIVE' }]
    const rows = monitoringRows(points, { alarms, connected: true })
    expect(rows.map((r) => r.alarms)).toEqual([[], ['HH']])
  })
})

describe('spot checks', () => {
  it('needs a result, and a remark when abnormal', () => {
    expect(spotCheckProblems({})).toEqual({ result: 'spot.resultRequired' })
    expect(spotCheckProblems({ result: 'NORMAL' })).toBeNull()
    expect(spotCheckProblems({ result: 'ABNORMAL', remark: '  ' })).toEqual({ remark: 'spot.remarkRequired' })
    expect(spotCheckProblems({ result: 'ABNORMAL', remark: 'x'.repeat(2001) })).toEqual({ remark: 'spot.remarkLength' })
    expect(spotCheckBody({ result: 'ABNORMAL', remark: ' 液位计跳变 ' })).toEqual({ result: 'ABNORMAL', remark: '液位计跳变' })
    expect(spotCheckBody({ result: 'NORMAL', remark: '' })).toEqual({ result: 'NORMAL', remark: null })
  })

  it('reads what the checker saw from the snapshot the server wrote (Monitoring.snapshot)', () => {
    const snap = '{"live":true,"activeAlarms":1,"points":[{"code":"E01-GT-1101","value":31.5,"quality":"GOOD","alarms":"HH"},{"code":"E01-LT-1","value":null,"quality":null,"alarms":""}]}'
    expect(parseSnapshot(snap)).toEqual({ live: true, activeAlarms: 1, points: 2, withValue: 1, inAlarm: ['E01-GT-1101 HH'] })
    expect(parseSnapshot('not json')).toBeNull()
    expect(parseSnapshot(null)).toBeNull()
  })
})

describe('gas-detector set-point check', () => {
  const f = (rule, severity = 'VIOLATION') => ({ rule, severity, clause: 'GB/T 50493-2019 5.5.3 item 1', message: '…' })
  const results = [
    { pointId: 1, code: 'B-GT-2', name: '可燃', type: 'COMBUSTIBLE_GAS', enterpriseId: 1, compliant: false, findings: [f('COMBUSTIBLE_FIRST_LEVEL'), f('OXYGEN_RANGE', 'ADVISORY')] },
    { pointId: 2, code: 'A-OT-1', name: '氧', type: 'OXYGEN', enterpriseId: 2, compliant: true, findings: [f('OXYGEN_LOW_ALARM', 'ADVISORY')] },
    { pointId: 3, code: 'A-GT-1', name: '可燃', type: 'COMBUSTIBLE_GAS', enterpriseId: 2, compliant: true, findings: [] },
    { pointId: 4, code: 'A-TT-9', name: '有毒', type: 'TOXIC_GAS', enterpriseId: 2, compliant: false, findings: [f('TOXIC_SECOND_LEVEL'), f('ALARM_ORDER')] }
  ]

  it('lists violations first, then by code; only violations when asked; filters', () => {
    expect(detectorRows(results).map((r) => r.code)).toEqual(['A-TT-9', 'B-GT-2', 'A-GT-1', 'A-OT-1'])
    expect(detectorRows(results, { violationsOnly: true }).map((r) => r.pointId)).toEqual([4, 1])
    expect(detectorRows(results, { enterpriseId: 2, type: 'COMBUSTIBLE_GAS' }).map((r) => r.pointId)).toEqual([3])
    expect(detectorRows(results, { q: 'b-gt' })[0]).toMatchObject({ violations: [f('COMBUSTIBLE_FIRST_LEVEL')], advisories: [f('OXYGEN_RANGE', 'ADVISORY')] })
  })

  it('sums up detectors and violated rules', () => {
    expect(detectorSummary(results)).toEqual({ checked: 4, violating: 2, advisory: 1,
      byRule: { COMBUSTIBLE_FIRST_LEVEL: 1, TOXIC_SECOND_LEVEL: 1, ALARM_ORDER: 1 } })
  })

  it('states every rule the hazard module can report, in both languages', () => {
    // the rule ids as the Java checker writes them
    const java = ['../../../org.chempark.hazard.grading/src/main/java/org/chempark/hazard/grading/detector/GasDetectorChecker.java',
      '../../../org.chempark.hazard/src/main/java/org/chempark/hazard/internal/DetectorCheck.java']
      .map((p) => readFileSync(new URL(p, import.meta.url), 'utf8')).join('\n')
    const ids = new Set([...java.matchAll(/(?:new DetectorFinding|finding)\("([A-Z_]+)"/g)].map((m) => m[1]))
    expect(ids.size).toBeGreaterThan(10)
    expect([...ids].sort()).toEqual([...DETECTOR_RULES].sort())
    for (const locale of ['zh-CN', 'en']) for (const r of DETECTOR_RULES) expect(typeof messages[locale].det.rule[r], `${locale} ${r}`).toBe('string')
  })
})
