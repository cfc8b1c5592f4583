// Web UI initial-load benchmark (issue 6: "initial load on localhost under 2 s with the JavaScript for the
// first page under 1 MB compressed"). Headless Debian Chromium via playwright-core (the UI's devDependency).
//   node bench/webui/load.mjs BASE_URL [RUNS]     (bench/webui/run.sh wraps it)
// For each run: a fresh browser context (empty cache), goto /login, wait for the login form; records the
// navigation timing (DOMContentLoaded, load, form visible) and the bytes of every script response as sent
// (Content-Length / transfer size, gzip when the server sent gzip). Prints medians as Markdown.
import { createRequire } from 'node:module'

const { chromium } = createRequire(new URL('../../bundles/org.chempark.webui/ui/package.json', import.meta.url))('playwright-core')
const BASE = (process.argv[2] || 'http://localhost:8181').replace(/\/$/, '')
const RUNS = Number(process.argv[3] || 15)

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
})
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const rows = []
for (let i = 0; i < RUNS + 1; i++) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const scripts = new Map()
  cdp.on('Network.responseReceived', (e) => { if (e.type === 'Script') scripts.set(e.requestId, { url: e.response.url, enc: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '' }) })
  cdp.on('Network.loadingFinished', (e) => { if (scripts.has(e.requestId)) scripts.get(e.requestId).bytes = e.encodedDataLength })
  const t0 = Date.now()
  await page.goto(BASE + '/login', { waitUntil: 'load' })
  await page.locator('input[type=password]').waitFor()
  const visible = Date.now() - t0
  const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd } })
  await page.waitForTimeout(200)
  const js = [...scripts.values()]
  const jsBytes = js.reduce((a, s) => a + (s.bytes || 0), 0)
  if (i > 0) rows.push({ visible, dcl: nav.dcl, load: nav.load, jsBytes, jsFiles: js.length, gzip: js.filter((s) => s.enc.includes('gzip')).length })
  await context.close()
}
await browser.close()
console.log(`| runs | login form visible (median) | DOMContentLoaded (median) | load event (median) | JS for the first page (compressed, as transferred) | JS files (gzip) |`)
console.log(`|---|---|---|---|---|---|`)
console.log(`| ${rows.length} (+1 warm-up) | ${median(rows.map((r) => r.visible))} ms | ${Math.round(median(rows.map((r) => r.dcl)))} ms | ${Math.round(median(rows.map((r) => r.load)))} ms | ${(median(rows.map((r) => r.jsBytes)) / 1024).toFixed(0)} KiB | ${rows[0].jsFiles} (${rows[0].gzip}) |`)
