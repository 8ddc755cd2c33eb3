import { defineStore } from 'pinia'
import { ref } from 'vue'
import { indicatorTargetsSchema, type IndicatorTargets, type Indicators } from '../../../shared/report-protocol'
import { fetchIndicators, saveIndicatorTargets } from '../../api/reports-api'
import { attempt } from '../attempt'

export interface Period {
  from: string
  to: string
}

/** The plan's indicators over a period, and their configurable targets. */
export const useIndicatorsStore = defineStore('coordinator-indicators', () => {
  const indicators = ref<Indicators | null>(null)
  const loadError = ref<string | null>(null)
  const periodInvalid = ref(false)
  const loading = ref(false)

  /** Fetches the indicators; a period ending before it starts is refused here, unchanged. */
  async function load(period: Period): Promise<void> {
    periodInvalid.value = Boolean(period.from && period.to && period.to < period.from)
    if (periodInvalid.value) return
    loadError.value = null
    loading.value = true
    const result = await attempt(() => fetchIndicators({ from: period.from || undefined, to: period.to || undefined }))
    loading.value = false
    if (result.ok) indicators.value = result.value
    else loadError.value = result.error.code
  }

  /** Saves the targets (whole numbers 0–100); returns an error code to explain, or null. */
  async function saveTargets(targets: IndicatorTargets, period: Period): Promise<string | null> {
    if (!indicatorTargetsSchema.safeParse(targets).success) return 'invalid_targets'
    const result = await attempt(() => saveIndicatorTargets(targets))
    if (!result.ok) return result.error.code
    await load(period)
    return null
  }

  return { indicators, loadError, periodInvalid, loading, load, saveTargets }
})
