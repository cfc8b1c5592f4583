// Risk scores (R-F2.3): names of the factors a score is made of, thresholds as chart lines.
import { COLOUR_HEX } from '../../format'

/** A contribution's factor name in the UI language: nameEn from the factor types (GET /risk/config), else nameZh, else the id. */
export function factorName(contribution, types, locale) {
  const type = (types || []).find((x) => x.id === contribution.factor)
  if (locale === 'en') return type?.nameEn || contribution.factor
  return contribution.nameZh || type?.nameZh || contribution.factor
}

/** The colour thresholds {RED, ORANGE, YELLOW} as mark lines of a score chart. */
export function thresholdLines(thresholds) {
  return ['RED', 'ORANGE', 'YELLOW'].filter((c) => thresholds?.[c] != null)
    .map((c) => ({ name: String(thresholds[c]), value: thresholds[c], color: COLOUR_HEX[c] }))
}

/** Score history entries (newest first, as the API sends them) → one chart series, oldest first. */
export function historySeries(entries, name) {
  return [{ name, data: [...(entries || [])].reverse().map((h) => [new Date(h.computedAt).getTime(), h.score]) }]
}
