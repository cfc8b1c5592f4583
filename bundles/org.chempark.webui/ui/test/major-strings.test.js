import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { messages } from '../src/i18n.js'

const lookup = (locale, key) => key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), messages[locale])

describe('strings of the major-hazard pages', () => {
  const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
  const src = new URL('../src/', import.meta.url).pathname
  const sources = [...['views/hazard', 'views/risk', 'views/report', 'views/classification'].flatMap((d) => files(src + d)),
    ...['ColourTag', 'ClassTag', 'EnterpriseSelect', 'StepTimeline', 'FilePicker', 'FileList', 'PointTrend'].map((c) => `${src}components/${c}.vue`), src + 'format.js',
    src + 'views/MapView.vue']

  it('every key a page uses exists in Chinese and in English', () => {
    const missing = []
    for (const f of sources) {
      const text = readFileSync(f, 'utf8')
      for (const [, key] of text.matchAll(/\bt\('([a-zA-Z][\w.-]*)'/g)) {
        const prefix = key.endsWith('.') // t('warn.state.' + s): the section must exist
        for (const locale of ['zh-CN', 'en']) {
          const v = lookup(locale, prefix ? key.slice(0, -1) : key)
          if (prefix ? typeof v !== 'object' : typeof v !== 'string') missing.push(`${locale} ${key} (${f.slice(src.length)})`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('English has every Chinese key of the sections these pages added', () => {
    const keys = (o, p = '') => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, p + k + '.') : [p + k]))
    for (const section of ['fmt', 'file', 'risk', 'warn', 'duty', 'rep', 'hd', 'cls', 'cmt', 'diag', 'hz', 'spot', 'det']) {
      expect(keys(messages.en[section]).sort(), section).toEqual(keys(messages['zh-CN'][section]).sort())
    }
  })
})
