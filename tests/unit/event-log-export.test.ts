import { describe, expect, it } from 'vitest'
import type { StoredEvent, StoredFact } from '../../src/app/db/database'
import { eventLogJson, exportFileName } from '../../src/app/export/event-log-export'

const event: StoredEvent = {
  id: '01930000-0000-7000-8000-0000000000aa', version: 0, kitId: '01930000-0000-7000-8000-000000000001',
  name: '=Sagra; "della" castagna', setting: 'community', occasion: 'village_festival', venue: 'Piazza',
  municipality: 'Lodi', startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [], status: 'open',
  createdAt: '2026-11-26T08:00:00.000Z', origin: 'device',
}
const base = { eventId: event.id, deviceId: '01930000-0000-7000-8000-0000000000dd', schemaVersion: 1, day: '2026-11-26' }
const facts: StoredFact[] = [
  { ...base, id: '01930000-0000-7000-8000-000000000101', kind: 'interaction', at: '2026-11-26T09:00:00.000Z', payload: { topic: 'smoking', ageBand: '70+', groupSize: 1 } },
  { ...base, id: '01930000-0000-7000-8000-000000000102', kind: 'interaction', at: '2026-11-26T09:01:00.000Z', payload: { topic: 'alcohol', groupSize: 4 } },
  { ...base, id: '01930000-0000-7000-8000-000000000103', kind: 'void', at: '2026-11-26T09:02:00.000Z', payload: { targetId: '01930000-0000-7000-8000-000000000102', reason: 'undo' } },
]
const log = { event, facts, deviceId: base.deviceId }

describe('the tablet export', () => {
  it('writes every fact, voids included, to JSON without local-only fields', () => {
    const json = JSON.parse(eventLogJson(log, new Date('2026-11-26T18:00:00Z')))
    expect(json.facts).toHaveLength(3)
    expect(json.facts[0]).not.toHaveProperty('day')
    expect(json.event).not.toHaveProperty('origin')
    expect(json).toMatchObject({ format: 'hpc-event-log', version: 1, deviceId: base.deviceId })
  })

  it('names files by date, event and tablet', () => {
    expect(exportFileName(log, 'csv', '2026-11-26')).toBe('corner-2026-11-26-sagra-della-castagna-0000dd.csv')
  })
})
