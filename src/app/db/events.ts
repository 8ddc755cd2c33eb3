import { v7 as uuidv7 } from 'uuid'
import type { EventDoc } from '../../shared/records'
import { db } from './db'
import type { StoredEvent } from './database'

export type NewEventInput = Omit<EventDoc, 'id' | 'version' | 'status' | 'createdAt'>

/**
 * Creates an event on the tablet, offline. It is queued in the same transaction and pushed
 * later; the server becomes its owner from then on (docs/architecture.md, "Data on the tablet").
 */
export async function createLocalEvent(input: NewEventInput): Promise<StoredEvent> {
  const event: StoredEvent = {
    ...input,
    id: uuidv7(),
    version: 0,
    status: 'open',
    createdAt: new Date().toISOString(),
    origin: 'device',
  }
  await db.transaction('rw', db.events, db.outbox, async () => {
    await db.events.add(event)
    await db.outbox.add({ recordId: event.id, store: 'events', queuedAt: event.createdAt })
  })
  return event
}

/** Events on this tablet, most recent start date first. */
export async function listEvents(): Promise<StoredEvent[]> {
  return (await db.events.orderBy('startDate').reverse().toArray())
}

export function getEvent(id: string): Promise<StoredEvent | undefined> {
  return db.events.get(id)
}
