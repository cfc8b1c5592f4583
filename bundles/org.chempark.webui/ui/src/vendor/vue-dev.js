// Dev server only: the import map sends runtime-loaded module UI parts here, so they share the shell's Vue.
export * from 'vue'
