// End-to-end test of the ChemPark web UI: headless Debian Chromium driven by playwright-core.
// Usage: node webui.e2e.mjs BASE_URL   (run.sh installs what it needs first)
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'

// playwright-core is a devDependency of ../ui (one lockfile for the module).
const { chromium } = createRequire(new URL('../ui/package.json', import.meta.url))('playwright-core')

const BASE = (process.argv[2] || 'http://localhost:8181').replace(/\/$/, '')
const SHOTS = process.env.SCREENSHOTS || ''
const started = Date.now()
let failures = 0
const results = []

async function step(name, fn) {
  const t0 = Date.now()
  try {
    await fn()
    results.push(`ok   ${name} (${Date.now() - t0} ms)`)
  } catch (e) {
    failures++
    results.push(`FAIL ${name}: ${e.message.split('\n')[0]}`)
  }
  console.log(results[results.length - 1])
}
function expect(cond, msg) { if (!cond) throw new Error(msg) }
async function shot(page, name) {
  if (!SHOTS) return
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
})
const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })
const page = await context.newPage()
const consoleErrors = []
page.on('pageerror', (e) => consoleErrors.push(String(e)))
page.setDefaultTimeout(15000)

try {
  await step('shell loads with the module menu (企业) in Chinese', async () => {
    await page.goto(BASE + '/', { waitUntil: 'domcontentloaded' })
    const menu = page.locator('[data-test=side-menu]')
    await menu.getByText('企业', { exact: true }).waitFor()
    await menu.getByText('园区一张图', { exact: true }).waitFor()
    const health = await page.locator('[data-test=health]').textContent()
    expect(/运行正常|部分降级|故障|状态未知/.test(health), 'health indicator shows ' + health)
    await page.locator('[data-test=total-enterprises]').filter({ hasText: /\d+/ }).waitFor()
    await shot(page, 'home')
  })

  await step('the park map draws the platform GeoJSON', async () => {
    await page.locator('[data-test=side-menu]').getByText('园区一张图', { exact: true }).click()
    await page.waitForURL(/\/map$/)
    await page.waitForFunction(() => window.__chempark?.map && window.__chempark.map.counts().total > 0, null, { timeout: 20000 })
    const counts = await page.evaluate(() => window.__chempark.map.counts())
    expect(counts.park === 1, 'park boundary features: ' + counts.park)
    expect(counts.enterprises === 14, 'enterprise plots: ' + counts.enterprises)
    expect(counts.points > 0 && counts.features > 0, 'points/features: ' + JSON.stringify(counts))
    // The canvas really has pixels drawn.
    await page.waitForTimeout(500)
    const drawn = await page.evaluate(() => {
      const c = document.querySelector('[data-test=map] canvas')
      if (!c) return 0
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
      let n = 0
      for (let i = 3; i < d.length; i += 4 * 97) if (d[i] > 0) n++
      return n
    })
    expect(drawn > 100, 'map canvas drawn pixels (sampled): ' + drawn)
    await shot(page, 'map')
    // Search by code zooms to the feature and opens its popup with a link to the record.
    const search = page.locator('[data-test=map-search] input')
    await search.fill('E03')
    await page.locator('.el-autocomplete-suggestion li').first().click()
    await page.locator('[data-test=popup]').getByText('江苏华氯化工有限公司').waitFor()
    await page.locator('[data-test=popup-link]').waitFor()
    await page.waitForTimeout(400) // zoom animation
    await shot(page, 'map-search-popup')
  })

  await step('enterprise list shows 14 in total with paging', async () => {
    await page.locator('[data-test=side-menu]').getByText('企业', { exact: true }).click()
    await page.waitForURL(/\/asset\/enterprises$/)
    await page.locator('[data-test=pager]').getByText('共 14 条').waitFor()
    const rows = await page.locator('[data-test=table] .el-table__body-wrapper tbody tr').count()
    expect(rows === 14, 'rows on the page: ' + rows)
    await shot(page, 'enterprises')
  })

  await step('creating an enterprise with an invalid credit code shows the field error', async () => {
    await page.locator('[data-test=create]').click()
    const dialog = page.locator('.el-dialog')
    await dialog.waitFor()
    await dialog.locator('[data-field=code] input').fill('E2E-X')
    await dialog.locator('[data-field=name] input').fill('端到端测试企业')
    await dialog.locator('[data-field=creditCode] input').fill('123')
    await dialog.locator('[data-test=save]').click()
    const err = dialog.locator('[data-field=creditCode] .el-form-item__error')
    await err.waitFor()
    const text = await err.textContent()
    expect(/credit|信用|GB 32100/i.test(text), 'creditCode error text: ' + text)
    await shot(page, 'enterprise-validation')
    await dialog.getByRole('button', { name: '取消' }).click()
  })

  await step('language switch to English relabels the menu', async () => {
    await page.locator('[data-test=lang]').click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    await page.locator('[data-test=side-menu]').getByText('Enterprises', { exact: true }).waitFor()
    await page.locator('[data-test=lang]').click()
    await page.getByRole('menuitem', { name: '中文' }).click()
    await page.locator('[data-test=side-menu]').getByText('企业', { exact: true }).waitFor()
  })

  await step('module list shows states and requirement IDs', async () => {
    await page.goto(BASE + '/modules')
    await page.locator('[data-test=module-table]').getByText('R-F1.1').first().waitFor()
    await page.locator('[data-test=module-table]').getByText('ACTIVE').first().waitFor()
  })

  await step('large screen renders indicators, charts and the map', async () => {
    await page.goto(BASE + '/screen')
    await page.locator('[data-test=kpi-enterprises]').getByText('14').waitFor()
    await page.waitForFunction(() => window.__chempark?.screen && window.__chempark.screen.counts().total > 0, null, { timeout: 20000 })
    const charts = await page.locator('[data-test=screen] canvas').count()
    expect(charts >= 5, 'canvases on the screen: ' + charts)
    await page.locator('[data-test=screen-live]').getByText('未安装实时数据源').waitFor()
    await page.waitForTimeout(1200) // chart animations
    await shot(page, 'screen')
  })

  await step('deep link reload serves the app (SPA fallback) and unknown routes say not found', async () => {
    const res = await page.goto(BASE + '/asset/chemicals')
    expect(res.status() === 200, 'status ' + res.status())
    await page.locator('[data-test=pager]').getByText(/共 \d+ 条/).waitFor()
    await page.goto(BASE + '/no/such/page')
    await page.locator('[data-test=not-found]').waitFor()
  })

  // Optional: install/uninstall the example plugin feature at runtime through the Karaf web
  // console and watch its menu entry come and go without a page reload. Needs
  // E2E_CONSOLE_AUTH=user:password (the console account); skipped otherwise.
  if (process.env.E2E_CONSOLE_AUTH) {
    const auth = 'Basic ' + Buffer.from(process.env.E2E_CONSOLE_AUTH).toString('base64')
    const feature = async (action) => {
      const res = await fetch(BASE + '/system/console/features', {
        method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action, feature: 'chempark-example', version: process.env.E2E_EXAMPLE_VERSION || '0.1.0.SNAPSHOT' })
      })
      expect(res.ok, `${action}: HTTP ${res.status}`)
    }
    const modules = async () => (await (await fetch(BASE + '/api/v1/modules')).json()).map((m) => m.id)
    await step('installing the example feature adds its menu without reload; its UI part (or the fallback) renders', async () => {
      if ((await modules()).includes('example')) {
        await feature('uninstallFeature')
        await page.waitForTimeout(3000)
      }
      await page.goto(BASE + '/')
      const menu = page.locator('[data-test=side-menu]')
      await menu.getByText('企业', { exact: true }).waitFor()
      expect(await menu.getByText('示例插件', { exact: true }).count() === 0, 'example menu present before install')
      await page.evaluate(() => { window.__noReload = true })
      await feature('installFeature')
      await menu.locator('[data-route="/example"]').waitFor({ timeout: 30000 })
      expect(await page.evaluate(() => window.__noReload === true), 'the page was reloaded')
      await menu.locator('[data-route="/example"]').click()
      const parts = await (await fetch(BASE + '/modules/ui-parts.json')).json()
      if (parts.example) {
        await page.locator('[data-test=example-message]').getByText('Hello').waitFor({ timeout: 20000 })
      } else {
        await page.locator('[data-test=module-fallback]').getByText('R-A.3').waitFor()
      }
      await shot(page, 'module-ui-part')
    })
    await step('uninstalling the example feature removes its menu without reload', async () => {
      await feature('uninstallFeature')
      await page.locator('[data-test=side-menu] [data-route="/example"]').waitFor({ state: 'detached', timeout: 30000 })
      expect(await page.evaluate(() => window.__noReload === true), 'the page was reloaded')
    })
  }

  await step('no uncaught page errors', async () => {
    expect(consoleErrors.length === 0, consoleErrors.join(' | '))
  })
} finally {
  await browser.close()
}

console.log(`\n${results.length - failures}/${results.length} steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s against ${BASE}`)
process.exit(failures ? 1 : 0)
