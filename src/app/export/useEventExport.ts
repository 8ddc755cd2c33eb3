import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { localDay } from '../../shared/dates'
import { effectiveInteractions } from '../../shared/event-log'
import { getEvent } from '../db/events'
import { listEventFacts } from '../db/facts'
import { getDeviceId } from '../db/meta'
import { getSurveys } from '../db/survey-documents'
import { useLiveQuery } from '../composables/useLiveQuery'
import { downloadText, eventLogJson, exportFileName, type EventLog } from './event-log-export'

export type TabletExportFormat = 'csv' | 'xlsx' | 'json' | 'fhir'

const TYPES: Record<TabletExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  fhir: 'application/fhir+json',
}

/** Loads this tablet's log of one event and downloads it in the server's formats, offline. */
export function useEventExport(eventId: Ref<string>) {
  const { locale } = useI18n()
  const lastFile = ref<string>()
  const failed = ref(false)
  // The device id is read outside the live query: on a first start it is created in a
  // read-write transaction, which a live query (read-only) may not open.
  const deviceId = ref<string>()
  // A failure shows through the live query below, which reads the same database.
  getDeviceId().then((id) => (deviceId.value = id), () => undefined)
  const { data: loaded, error, retry } = useLiveQuery(async () => {
    const [event, facts] = await Promise.all([getEvent(eventId.value), listEventFacts(eventId.value)])
    return { event, facts }
  }, [eventId])
  const log = computed((): EventLog | null | undefined => {
    if (!loaded.value || !deviceId.value) return undefined
    const { event, facts } = loaded.value
    return event ? { event, facts, deviceId: deviceId.value } : null
  })
  const rowCount = () => (log.value ? effectiveInteractions(log.value.facts).length : 0)

  /** Builds the file on the tablet (the formats' code loads on first use) and hands it over. */
  async function download(format: TabletExportFormat) {
    const current = log.value
    if (!current) return
    failed.value = false
    try {
      const files = await import('./tablet-export-files')
      const language = locale.value === 'it' ? 'it' : 'en'
      const now = new Date()
      const name = exportFileName(current, format === 'fhir' ? 'fhir.json' : format, localDay(now))
      if (format === 'csv') downloadText(files.tabletCsv(current, language), name, TYPES.csv)
      else if (format === 'xlsx') downloadText(files.tabletXlsx(current, language, now) as Uint8Array<ArrayBuffer>, name, TYPES.xlsx)
      else if (format === 'json') downloadText(eventLogJson(current, now), name, TYPES.json)
      else {
        const ids = current.facts.flatMap((f) => (f.kind === 'survey_response' ? [f.payload.surveyId] : []))
        downloadText(files.tabletFhir(current, await getSurveys(ids), now), name, TYPES.fhir)
      }
      lastFile.value = name
    } catch {
      failed.value = true
    }
  }

  return { log, rowCount, download, lastFile, failed, error, retry }
}
