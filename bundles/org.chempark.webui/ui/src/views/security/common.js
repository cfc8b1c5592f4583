// Helpers shared by the security administration pages.
import { problemText } from '../../format'

/** An ISO instant in the local time zone, e.g. 2026-11-28 18:31:05; '' for none. */
export function formatTime(value, locale = 'zh-CN') {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false })
}

/**
 * Puts an ApiError into a form: 422 errors[] under their fields (errors ref), everything else
 * (and fields the form does not show) as the form's message (formError ref).
 */
export function problemForm(e, t, errors, formError, shownFields) {
  if (e.status === 422 && e.fieldErrors && Object.keys(e.fieldErrors).length) {
    errors.value = { ...e.fieldErrors }
    const hidden = shownFields ? Object.keys(e.fieldErrors).filter((f) => !shownFields.includes(f)) : []
    formError.value = t('common.validation') + (hidden.length ? ': ' + hidden.map((f) => `${f} — ${e.fieldErrors[f]}`).join('; ') : '')
  } else {
    formError.value = problemText(e, t)
  }
}

/** Permissions grouped by module for the role editor: [{module, items:[{id,nameZh,nameEn}]}], modules sorted. */
export function groupPermissions(permissions) {
  const byModule = new Map()
  for (const p of permissions || []) {
    if (!byModule.has(p.module)) byModule.set(p.module, [])
    byModule.get(p.module).push(p)
  }
  return [...byModule.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([module, items]) => ({ module, items: items.sort((x, y) => x.id.localeCompare(y.id)) }))
}

/** Splits a role's permissions into those the editor shows as boxes and the rest (patterns, uninstalled modules). */
export function splitGrants(grants, known) {
  const ids = new Set((known || []).map((p) => p.id))
  return { boxes: (grants || []).filter((g) => ids.has(g)), other: (grants || []).filter((g) => !ids.has(g)) }
}
