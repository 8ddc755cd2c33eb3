import type { StoredEvent, StoredFact } from '../db/database'

export interface EventLog {
  event: StoredEvent
  facts: StoredFact[]
  deviceId: string
}

/** The event log as JSON: every fact, voids included, so it can be re-imported or audited. */
export function eventLogJson(log: EventLog, exportedAt = new Date()): string {
  const { origin: _origin, ...event } = log.event
  const facts = log.facts.map(({ day: _day, ...fact }) => fact)
  return JSON.stringify({ format: 'hpc-event-log', version: 1, exportedAt: exportedAt.toISOString(), deviceId: log.deviceId, event, facts }, null, 2)
}

/** A file name that sorts by date and says which event and which tablet. */
export function exportFileName(log: EventLog, extension: 'csv' | 'json' | 'xlsx' | 'fhir.json', today: string): string {
  const slug = log.event.name.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 40)
  return `corner-${today}-${slug || 'evento'}-${log.deviceId.slice(-6)}.${extension}`
}

/** Hands a file to the browser as a download; works offline (no network involved). */
export function downloadText(text: string | Uint8Array<ArrayBuffer>, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
