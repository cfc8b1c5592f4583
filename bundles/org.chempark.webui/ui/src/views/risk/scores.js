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

/**
 * Score history entries (newest first, as the API sends them; one per change) → one chart series, oldest first, drawn
 * as steps (a score holds until the next change) and carried on to `until` (now).
 */
export function historySeries(entries, name, until = Date.now()) {
  const data = [...(entries || [])].reverse().map((h) => [new Date(h.computedAt).getTime(), h.score])
  if (data.length && until > data[data.length - 1][0]) data.push([until, data[data.length - 1][1]])
  return [{ name, data, step: 'end' }]
}

/**
 * What a score is made of, in words: in Chinese the server's summary when it has one; otherwise (English, or a
 * score without a summary) the factors that gave points, e.g. "重大危险源等级 7.5 · 未消除报警数 60".
 */
export function scoreSummary(score, types, locale, fmt = String) {
  if (locale !== 'en' && score?.summary) return score.summary
  return (score?.contributions || []).filter((c) => c.points > 0).map((c) => `${factorName(c, types, locale)} ${fmt(c.points)}`).join(' · ')
}
