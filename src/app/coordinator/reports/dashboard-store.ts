import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Dashboard } from '../../../shared/report-protocol'
import type { EventDoc } from '../../../shared/records'
import { listEvents } from '../../api/coordinator-api'
import { fetchDashboard } from '../../api/reports-api'
import { getSurvey } from '../../api/survey-api'
import type { Survey } from '../../../shared/surveys'
import { attempt } from '../attempt'
import { scopeFromFilters, type ReportFilters } from './report-filters'

/** The dashboard's figures for the chosen filters, as the server computed them from synced facts. */
export const useDashboardStore = defineStore('coordinator-dashboard', () => {
  const dashboard = ref<Dashboard | null>(null)
  const events = ref<EventDoc[] | null>(null)
  const loadError = ref<string | null>(null)
  /** Filter fields the server would refuse (explained next to them; nothing is fetched). */
  const invalidFields = ref<string[]>([])
  const loading = ref(false)
  /** The published surveys answered in the figures, for their questions' words (best effort). */
  const surveys = ref<Record<string, Survey>>({})
  let requests = 0

  /** The events to choose from (newest first). */
  async function loadEvents(): Promise<void> {
    const result = await attempt(listEvents)
    if (result.ok) events.value = [...result.value].sort((a, b) => b.startDate.localeCompare(a.startDate))
    else loadError.value = result.error.code
  }

  /** Whether the server would take `filters`; the fields it would refuse are kept to explain. */
  function check(filters: ReportFilters): boolean {
    const checked = scopeFromFilters(filters)
    invalidFields.value = checked.ok ? [] : checked.fields
    return checked.ok
  }

  /** Fetches the figures for `filters`; bad filters are reported and change nothing. */
  async function load(filters: ReportFilters): Promise<boolean> {
    const checked = scopeFromFilters(filters)
    if (!check(filters) || !checked.ok) return false
    loadError.value = null
    loading.value = true
    // Never show figures of other filters under the new ones.
    dashboard.value = null
    const asked = ++requests
    const result = await attempt(() => fetchDashboard(checked.scope))
    // An answer to filters changed since is dropped: only the latest request shows.
    if (asked !== requests) return false
    loading.value = false
    if (result.ok) dashboard.value = result.value
    else loadError.value = result.error.code
    if (result.ok) void loadSurveyTexts(result.value.surveys.map((s) => s.surveyId))
    return result.ok
  }

  /** Fetches the surveys not known yet; a failure leaves question ids in place of their words. */
  async function loadSurveyTexts(ids: string[]): Promise<void> {
    for (const id of ids.filter((i) => !surveys.value[i])) {
      const result = await attempt(() => getSurvey(id))
      if (result.ok && result.value.published) surveys.value = { ...surveys.value, [id]: result.value.published }
    }
  }

  return { surveys, dashboard, events, loadError, invalidFields, loading, loadEvents, check, load }
})
