// The in-app inbox (站内消息) of the notify module: where a message's reference leads in the UI.

/** The page of a message's reference (e.g. `risk/warning/17` → the warning's drawer), or null. */
export function referenceRoute(reference) {
  if (!reference) return null
  const m = /^([a-z-]+)\/([a-z-]+)\/(\d+)$/.exec(reference.trim())
  if (!m) return null
  const [, module, kind, id] = m
  if (module === 'risk' && kind === 'warning') return { path: '/risk/warnings', query: { id } }
  if (module === 'hazard' && (kind === 'unit' || kind === 'source')) return { path: '/hazard/responsibility', query: { unitId: id } }
  if (module === 'report' && kind === 'hidden-danger') return { path: '/report/hidden-dangers', query: { id } }
  if (module === 'report' && kind === 'report') return { path: '/report/reports', query: { id } }
  return null
}

/** Unread count as the header shows it: nothing at 0, "99+" above 99. */
export function unreadLabel(n) {
  if (!n || n < 0) return ''
  return n > 99 ? '99+' : String(n)
}
