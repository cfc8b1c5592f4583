// Builds the emergency module's UI part (docs/web-ui.md "Module UI parts"): an ES module whose default
// export is a Vue component, `vue` external (the shell's import map resolves it), OpenLayers bundled.
// Output: dist/index.js, copied into the bundle as webui-module/ by Maven, served by the web UI at /modules/emergency/.
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    cssCodeSplit: false,
    minify: true,
    lib: { entry: 'src/index.js', formats: ['es'], fileName: () => 'index.js' },
    rolldownOptions: { external: ['vue'] }
  }
})
