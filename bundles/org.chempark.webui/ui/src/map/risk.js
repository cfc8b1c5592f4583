// Risk colours for the map and the large screen, from the risk module (R-F2.3, /api/v1/risk/scores)
// when it is installed: enterprises and hazard-source units coloured 红/橙/黄/蓝 (RED/ORANGE/YELLOW/BLUE).
import { api } from '../api/http'
import { usePlatform } from '../stores/platform'

/**
 * {available, enterprises: Map id → colour, units: Map id → colour, unitScores: Map id → {colour, score}};
 * empty maps when the module is absent (or the user may not read it).
 */
export async function loadRiskColours() {
  const none = { available: false, enterprises: new Map(), units: new Map(), unitScores: new Map() }
  if (!usePlatform().hasModule('risk')) return none
  try {
    const [ents, units] = await Promise.all([api.get('/risk/scores', { of: 'enterprise' }), api.get('/risk/scores', { of: 'unit' })])
    return {
      available: true,
      enterprises: new Map(ents.map((s) => [s.enterpriseId, s.colour])),
      units: new Map(units.filter((s) => s.unitId != null).map((s) => [s.unitId, s.colour])),
      unitScores: new Map(units.filter((s) => s.unitId != null).map((s) => [s.unitId, { colour: s.colour, score: s.score }]))
    }
  } catch {
    return none
  }
}

/** Counts of enterprises per colour, for the screen's risk distribution. */
export function colourCounts(map) {
  const out = { RED: 0, ORANGE: 0, YELLOW: 0, BLUE: 0 }
  for (const c of map.values()) if (c in out) out[c]++
  return out
}
