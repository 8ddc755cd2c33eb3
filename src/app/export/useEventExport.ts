import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { localDay } from '../../shared/dates'
import { effectiveInteractions } from '../../shared/event-log'
import { getEvent } from '../db/events'
import { listEventFacts } from '../db/facts'
import { getDeviceId } from '../db/meta'
import { useLiveQuery } from '../composables/useLiveQuery'
import { downloadText, eventLogCsv, eventLogJson, exportFileName, type EventLog } from './event-log-export'

/** Loads this tablet's log of one event and downloads it as CSV or JSON. */
export function useEventExport(eventId: Ref<string>) {
  const { t } = useI18n()
  const lastFile = ref<string>()
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

  function download(format: 'csv' | 'json') {
    if (!log.value) return
    const name = exportFileName(log.value, format, localDay(new Date()))
    if (format === 'csv') downloadText(eventLogCsv(log.value, t), name, 'text/csv;charset=utf-8')
    else downloadText(eventLogJson(log.value), name, 'application/json')
    lastFile.value = name
  }

  return { log, rowCount, download, lastFile, error, retry }
}
