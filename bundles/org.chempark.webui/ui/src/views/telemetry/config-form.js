// Metatype attribute definitions ⇄ form values for the connection editor.
// Multi-valued attributes (cardinality ≠ 0) are edited one value per line.

const multi = (a) => a.cardinality !== 0 && !(a.options && a.options.length)

/** Form values from stored properties (or the attributes' defaults for a new configuration). */
export function toForm(attributes, properties) {
  const out = {}
  for (const a of attributes) {
    let v = properties ? properties[a.id] : (a.cardinality !== 0 ? a.default : a.default?.[0])
    if (a.type === 'Boolean') v = v === undefined || v === null ? false : v === true || v === 'true' || (Array.isArray(v) && v[0] === 'true')
    else if (multi(a)) v = Array.isArray(v) ? v.join('\n') : v ?? ''
    else v = v === undefined || v === null ? '' : Array.isArray(v) ? v[0] : String(v)
    out[a.id] = v
  }
  return out
}

/** Properties to send: numbers as numbers, lists from lines, empty optional values left out (the server validates). */
export function fromForm(attributes, values) {
  const out = {}
  for (const a of attributes) {
    let v = values[a.id]
    if (multi(a)) {
      v = String(v || '').split('\n').map((x) => x.trim()).filter(Boolean)
      if (!v.length && !a.required) continue
    } else if (a.type === 'Boolean') {
      v = !!v
    } else {
      if (v === '' || v === undefined || v === null) { if (a.required) out[a.id] = ''; continue }
      if (['Integer', 'Long', 'Short', 'Byte'].includes(a.type) && /^-?\d+$/.test(String(v).trim())) v = Number(v)
      else if (['Double', 'Float'].includes(a.type) && String(v).trim() !== '' && Number.isFinite(Number(v))) v = Number(v)
    }
    out[a.id] = v
  }
  return out
}
