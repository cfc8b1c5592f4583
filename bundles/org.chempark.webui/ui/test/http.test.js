import { describe, it, expect } from 'vitest'
import { buildUrl, fieldErrors, ApiError } from '../src/api/http.js'

describe('http', () => {
  it('builds /api/v1 urls without empty query values', () => {
    expect(buildUrl('/asset/enterprises', { page: 0, size: 20, q: '', sort: undefined, industry: '化肥' }))
      .toBe('/api/v1/asset/enterprises?page=0&size=20&industry=%E5%8C%96%E8%82%A5')
    expect(buildUrl('/health')).toBe('/api/v1/health')
  })

  it('maps RFC 7807 errors[] by field, first message wins', () => {
    const problem = { status: 422, errors: [
      { field: 'creditCode', rule: 'pattern', message: 'bad code' },
      { field: 'creditCode', rule: 'required', message: 'second' },
      { field: 'industry', rule: 'required', message: 'industry is required' }] }
    expect(fieldErrors(problem)).toEqual({ creditCode: 'bad code', industry: 'industry is required' })
    const e = new ApiError(422, { ...problem, detail: '2 fields are invalid' })
    expect(e.message).toBe('2 fields are invalid')
    expect(e.fieldErrors.creditCode).toBe('bad code')
  })
})
