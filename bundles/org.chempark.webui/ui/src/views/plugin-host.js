// Runtime module UI parts: ES modules served by their bundle at /modules/<moduleId>/index.js,
// built with `vue` external (the page's import map resolves it to the shell's Vue).
import { ElButton, ElCard, ElTag, ElTable, ElTableColumn, ElAlert, ElDescriptions, ElDescriptionsItem, ElEmpty, ElInput, ElSpace } from 'element-plus'
import 'element-plus/theme-chalk/el-button.css'
import 'element-plus/theme-chalk/el-card.css'
import 'element-plus/theme-chalk/el-tag.css'
import 'element-plus/theme-chalk/el-table.css'
import 'element-plus/theme-chalk/el-table-column.css'
import 'element-plus/theme-chalk/el-alert.css'
import 'element-plus/theme-chalk/el-descriptions.css'
import 'element-plus/theme-chalk/el-descriptions-item.css'
import 'element-plus/theme-chalk/el-empty.css'
import 'element-plus/theme-chalk/el-input.css'
import 'element-plus/theme-chalk/el-space.css'

const SHARED = { ElButton, ElCard, ElTag, ElTable, ElTableColumn, ElAlert, ElDescriptions, ElDescriptionsItem, ElEmpty, ElInput, ElSpace }
let registered = false

/** Makes the shell's Element Plus components available to UI parts by their global names (<el-card>, ...). */
export function shareComponents(app) {
  if (registered) return
  for (const [name, c] of Object.entries(SHARED)) if (!app.component(name)) app.component(name, c)
  registered = true
}

const cache = new Map()

/** Loads a UI part (cached per URL). Its default export is a Vue component taking the prop `ctx`. */
export async function loadUiPart(url) {
  if (!cache.has(url)) cache.set(url, import(/* @vite-ignore */ url).catch((e) => { cache.delete(url); throw e }))
  const mod = await cache.get(url)
  const comp = mod.default || mod.component
  if (!comp) throw new Error(url + ' has no default export')
  return comp
}
