import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Dashboard } from '../../../shared/report-protocol'
import type { EventDoc } from '../../../shared/records'
import { listEvents } from '../../api/coordinator-api'
import { fetchDashboard } from '../../api/reports-api'
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
    const result = await attempt(() => fetchDashboard(checked.scope))
    loading.value = false
    if (result.ok) dashboard.value = result.value
    else loadError.value = result.error.code
    return result.ok
  }

  return { dashboard, events, loadError, invalidFields, loading, loadEvents, check, load }
})
