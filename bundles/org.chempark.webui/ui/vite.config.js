// Build of the ChemPark web UI shell. Output: dist/ (copied into the bundle as /webui by Maven).
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

// The running platform the dev server proxies /api and /modules to.
const platform = process.env.CHEMPARK_URL || 'http://localhost:8181'

/**
 * One Vue for the shell and every runtime-loaded module UI part: `vue` is external in the
 * build, the page carries an import map {"vue": "/vendor/vue.js"} and /vendor/vue.js is Vue's
 * browser ESM runtime build. In dev the map points at a shim that re-exports Vite's copy.
 */
function sharedVue() {
  let command = 'build'
  return {
    name: 'chempark-shared-vue',
    configResolved(c) { command = c.command },
    transformIndexHtml: {
      order: 'pre',
      handler() {
        const vueUrl = command === 'build' ? '/vendor/vue.js' : '/src/vendor/vue-dev.js'
        return [{ tag: 'script', attrs: { type: 'importmap' }, children: JSON.stringify({ imports: { vue: vueUrl } }), injectTo: 'head-prepend' }]
      }
    },
    generateBundle() {
      const file = fileURLToPath(new URL('./node_modules/vue/dist/vue.runtime.esm-browser.prod.js', import.meta.url))
      this.emitFile({ type: 'asset', fileName: 'vendor/vue.js', source: readFileSync(file) })
    }
  }
}

/**
 * Pre-compressed copies (*.gz) that the bundle's servlet sends to clients accepting gzip.
 * Written after the bundle is on disk: Vite still rewrites chunks in its own generateBundle.
 */
function precompress() {
  let outDir = 'dist'
  return {
    name: 'chempark-precompress',
    apply: 'build',
    configResolved(c) { outDir = resolve(c.root, c.build.outDir) },
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|json|svg)$/.test(name)) continue
        const file = join(outDir, name)
        const buf = readFileSync(file)
        if (buf.length >= 1024) writeFileSync(file + '.gz', gzipSync(buf, { level: 9 }))
      }
    }
  }
}

export default defineConfig({
  base: '/',
  plugins: [
    sharedVue(),
    vue(),
    AutoImport({ resolvers: [ElementPlusResolver()], dts: false }),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
    precompress()
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { external: ['vue'] }
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: platform, changeOrigin: true },
      '/modules': { target: platform, changeOrigin: true }
    }
  },
  test: { environment: 'node', include: ['test/**/*.test.js'] }
})
