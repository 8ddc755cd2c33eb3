import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { EventDoc } from '../../../shared/records'
import { listEvents } from '../../api/coordinator-api'
import { exportUrl } from '../../api/reports-api'
import type { ExportQuery } from '../../../shared/report-protocol'
import { attempt } from '../attempt'

/** The events an export can cover, and the download address of an export. */
export const useExportsStore = defineStore('coordinator-exports', () => {
  const events = ref<EventDoc[] | null>(null)
  const loadError = ref<string | null>(null)

  async function loadEvents(): Promise<void> {
    loadError.value = null
    const result = await attempt(listEvents)
    if (result.ok) events.value = [...result.value].sort((a, b) => b.startDate.localeCompare(a.startDate))
    else loadError.value = result.error.code
  }

  /** A same-origin link: the browser streams the file to disk with the session cookie. */
  const href = (query: ExportQuery) => exportUrl(query)

  return { events, loadError, loadEvents, href }
})
