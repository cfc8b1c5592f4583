// Live telemetry and alarms (issue 4) are not part of the platform yet. This service is the
// one place pages ask for live values; until a live-data module is installed it says so
// (available: false) and never invents a value.
import { computed } from 'vue'
import { usePlatform } from '../stores/platform'

/** Module ids that, once installed, provide live readings (telemetry) and alarms. */
export const LIVE_MODULE_IDS = ['telemetry', 'alarm']

export function useLiveData() {
  const platform = usePlatform()
  const available = computed(() => LIVE_MODULE_IDS.some((id) => platform.hasModule(id)))
  return {
    available,
    /**
     * Subscribes to readings of points; returns an unsubscribe function. Until the telemetry
     * module defines its stream API this delivers nothing.
     */
    subscribe(_pointIds, _onReading) { return () => {} },
    /** Latest value of a point, or null when unknown (always null without a source). */
    latest(_pointId) { return null }
  }
}
