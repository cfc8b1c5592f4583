import { describe, expect, it } from 'vitest'
import { actionBody, actionFor, nextStep, remarkMissing, stepDeadlineMinutes } from '../src/views/risk/warnings.js'
import { isParkWide } from '../src/auth/session.js'
import { factorName, historySeries, scoreSummary, thresholdLines } from '../src/views/risk/scores.js'

describe('warning handling: which step is legal next, and for whom', () => {
  const park = { organisationType: 'PARK' }
  const enterprise = { organisationType: 'ENTERPRISE', enterpriseId: 3 }
  const can = (perms) => (p) => perms.includes(p)
  const w = (state, extra = {}) => ({ id: 7, state, version: 4, allowedActions: { SENT: ['VERIFY'], VERIFIED: ['FEEDBACK'], FEEDBACK: ['SUPERVISE'], SUPERVISED: ['CLOSE'], CLOSED: [] }[state], ...extra })

  it('follows send → verify → feedback → supervise → close', () => {
    expect(['SENT', 'VERIFIED', 'FEEDBACK', 'SUPERVISED'].map((s) => nextStep(w(s)).action)).toEqual(['VERIFY', 'FEEDBACK', 'SUPERVISE', 'CLOSE'])
    expect(nextStep(w('CLOSED'))).toBeNull()
    // without allowedActions (an older answer) the state machine decides
    expect(nextStep({ state: 'VERIFIED' }).action).toBe('FEEDBACK')
  })

  it('lets the enterprise verify and give feedback, but not supervise or close', () => {
    const who = { can: can(['risk:read', 'risk:write']), user: enterprise }
    expect(actionFor(w('SENT'), who)).toMatchObject({ allowed: true, step: { action: 'VERIFY' } })
    expect(actionFor(w('VERIFIED'), who)).toMatchObject({ allowed: true, step: { action: 'FEEDBACK' } })
    expect(actionFor(w('FEEDBACK'), who)).toMatchObject({ allowed: false, why: 'park' })
    expect(actionFor(w('SUPERVISED'), who)).toMatchObject({ allowed: false, why: 'park' })
  })

  it('needs the step\'s permission for park users too', () => {
    expect(actionFor(w('FEEDBACK'), { can: can(['risk:handle']), user: park })).toMatchObject({ allowed: true })
    expect(actionFor(w('SUPERVISED'), { can: can(['risk:handle']), user: park })).toMatchObject({ allowed: false, why: 'permission' })
    expect(actionFor(w('SENT'), { can: can(['risk:read']), user: park })).toMatchObject({ allowed: false, why: 'permission' })
    expect(actionFor(w('CLOSED'), { can: () => true, user: park })).toMatchObject({ allowed: false, why: 'closed' })
    expect(isParkWide({ organisationType: 'AUTHORITY' })).toBe(true)
    expect(isParkWide({ organisationType: 'CONTRACTOR' })).toBe(false)
  })

  it('sends the version the user saw and asks a remark of every step but close', () => {
    const step = nextStep(w('SENT'))
    expect(actionBody(step, w('SENT'), '  现场核实属实 ')).toEqual({ action: 'VERIFY', version: 4, remark: '现场核实属实' })
    expect(remarkMissing(step, '   ')).toBe(true)
    expect(remarkMissing(nextStep(w('SUPERVISED')), '')).toBe(false)
    expect(actionBody(nextStep(w('SUPERVISED')), w('SUPERVISED'), '')).toEqual({ action: 'CLOSE', version: 4, remark: null })
  })

  it('reads the deadline of the next step from the configuration', () => {
    const config = { deadlinesMinutes: { RED: { verify: 30, feedback: 120, supervise: 240, close: 1440 } } }
    expect(stepDeadlineMinutes(config, 'RED', 'SENT')).toBe(30)
    expect(stepDeadlineMinutes(config, 'RED', 'SUPERVISED')).toBe(1440)
    expect(stepDeadlineMinutes(config, 'RED', 'CLOSED')).toBeNull()
  })
})

describe('risk scores', () => {
  const types = [{ id: 'telemetry.active-alarms', nameZh: '未消除报警数', nameEn: 'Active alarms' }]
  it('names factors in the UI language', () => {
    const c = { factor: 'telemetry.active-alarms', nameZh: '未消除报警数' }
    expect(factorName(c, types, 'zh-CN')).toBe('未消除报警数')
    expect(factorName(c, types, 'en')).toBe('Active alarms')
    expect(factorName({ factor: 'x.y' }, types, 'en')).toBe('x.y')
  })
  it('says what a score is made of: the server\'s summary in Chinese, else the factors that gave points', () => {
    const score = { summary: '', contributions: [{ factor: 'hazard.grade', nameZh: '重大危险源等级', points: 7.5 }, { factor: 'telemetry.active-alarms', nameZh: '未消除报警数', points: 60 }, { factor: 'x.y', nameZh: '其他', points: 0 }] }
    expect(scoreSummary(score, types, 'zh-CN')).toBe('重大危险源等级 7.5 · 未消除报警数 60')
    expect(scoreSummary(score, types, 'en')).toBe('hazard.grade 7.5 · Active alarms 60')
    expect(scoreSummary({ ...score, summary: '黄 一般风险 30.0' }, types, 'zh-CN')).toBe('黄 一般风险 30.0')
  })
  it('draws history oldest first, as steps held until now, with the colour thresholds', () => {
    const until = Date.parse('2026-11-28T11:00:00Z')
    const s = historySeries([{ computedAt: '2026-11-28T10:00:00Z', score: 70 }, { computedAt: '2026-11-28T09:00:00Z', score: 30 }], 'score', until)
    expect(s[0].data.map((p) => p[1])).toEqual([30, 70, 70])
    expect(s[0].data[2][0]).toBe(until)
    expect(s[0].step).toBe('end')
    expect(historySeries([], 'score')[0].data).toEqual([])
    expect(thresholdLines({ RED: 60, ORANGE: 40, YELLOW: 20 }).map((l) => l.value)).toEqual([60, 40, 20])
  })
})
