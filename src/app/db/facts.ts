import Dexie from 'dexie'
import { v7 as uuidv7 } from 'uuid'
import { localDay } from '../../shared/dates'
import type { InteractionFact, InteractionPayload, VoidFact } from '../../shared/records'
import { TAP_SCHEMA_VERSION } from '../../shared/schema-version'
import { db } from './db'
import type { DayCounter, StoredFact } from './database'
import { getDeviceId } from './meta'
import { onResult, writeStrict } from './strict-write'

type StoredInteraction = InteractionFact & { day: string }

/**
 * Records one contact. The fact, its outbox entry and the day's counter commit together with
 * durability 'strict' (`writeStrict`); the promise resolves only then, so the caller may say "saved".
 */
export async function recordInteraction(eventId: string, payload: InteractionPayload): Promise<StoredInteraction> {
  const deviceId = await getDeviceId()
  const now = new Date()
  const fact: StoredInteraction = {
    id: uuidv7(),
    kind: 'interaction',
    eventId,
    deviceId,
    at: now.toISOString(),
    schemaVersion: TAP_SCHEMA_VERSION,
    payload,
    day: localDay(now),
  }
  await writeStrict(['facts', 'outbox', 'counters'], (tx) => {
    // Issued together: IndexedDB runs them in order inside the transaction, one commit for all.
    tx.objectStore('facts').add(fact)
    tx.objectStore('outbox').add({ recordId: fact.id, store: 'facts', queuedAt: fact.at })
    const counters = tx.objectStore('counters')
    onResult(counters.get([eventId, fact.day]) as IDBRequest<DayCounter | undefined>, (current) => {
      counters.put({ eventId, day: fact.day, contacts: (current?.contacts ?? 0) + 1 })
    })
  })
  return fact
}

async function addToCounter(eventId: string, day: string, delta: number): Promise<void> {
  const key: [string, string] = [eventId, day]
  const current = await db.counters.get(key)
  await db.counters.put({ eventId, day, contacts: (current?.contacts ?? 0) + delta })
}

/**
 * Undo: voids this event's most recent interaction that is not voided yet, with a new fact
 * (facts are never edited or deleted). Returns the voided interaction, or undefined.
 */
export async function undoLastInteraction(eventId: string): Promise<StoredInteraction | undefined> {
  const deviceId = await getDeviceId()
  return db.transaction('rw', db.facts, db.outbox, db.counters, async () => {
    const voids = await db.facts.where('[eventId+kind]').equals([eventId, 'void']).toArray()
    const voided = new Set(voids.map((f) => (f as VoidFact).payload.targetId))
    // UUIDv7 ids are time-ordered and monotonic within this tablet, so the last key is the last tap.
    const target = (await db.facts
      .where('[eventId+kind]')
      .equals([eventId, 'interaction'])
      .reverse()
      .filter((f) => !voided.has(f.id))
      .first()) as StoredInteraction | undefined
    if (!target) return undefined
    const now = new Date().toISOString()
    const correction: VoidFact & { day: string } = {
      id: uuidv7(),
      kind: 'void',
      eventId,
      deviceId,
      at: now,
      schemaVersion: TAP_SCHEMA_VERSION,
      payload: { targetId: target.id, reason: 'undo' },
      // The void counts against the day of the tap it cancels.
      day: target.day,
    }
    await db.facts.add(correction)
    await db.outbox.add({ recordId: correction.id, store: 'facts', queuedAt: now })
    await addToCounter(eventId, target.day, -1)
    return target
  })
}

/** Today's and the whole event's contacts on this tablet (taps minus undone ones). */
export async function countEventContacts(eventId: string, today: string): Promise<{ today: number; total: number }> {
  // Stryker disable next-line StringLiteral: [eventId+day] is the counters' primary key, and Dexie reads where('') as the primary key.
  const days = await db.counters.where('[eventId+day]').between([eventId, Dexie.minKey], [eventId, Dexie.maxKey]).toArray()
  return {
    today: days.find((d) => d.day === today)?.contacts ?? 0,
    total: days.reduce((sum, d) => sum + d.contacts, 0),
  }
}

/** Every fact of an event on this tablet, in write order. */
export async function listEventFacts(eventId: string): Promise<StoredFact[]> {
  const [taps, voids] = await Promise.all([
    db.facts.where('[eventId+kind]').equals([eventId, 'interaction']).toArray(),
    db.facts.where('[eventId+kind]').equals([eventId, 'void']).toArray(),
  ])
  return [...taps, ...voids].sort((a, b) => (a.id < b.id ? -1 : 1))
}
