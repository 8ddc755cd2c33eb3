import { v7 as uuidv7 } from 'uuid'
import { localDay } from '../../shared/dates'
import type { InteractionFact, InteractionPayload, VoidFact } from '../../shared/records'
import { FACT_SCHEMA_VERSION } from '../../shared/schema-version'
import { db } from './db'
import type { StoredFact } from './database'
import { getDeviceId } from './meta'

type StoredInteraction = InteractionFact & { day: string }

/**
 * Records one contact. The fact and its outbox entry commit together with durability
 * 'strict'; the promise resolves only then, so the caller may say "saved".
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
    schemaVersion: FACT_SCHEMA_VERSION,
    payload,
    day: localDay(now),
  }
  await db.transaction('rw', db.facts, db.outbox, async () => {
    await db.facts.add(fact)
    await db.outbox.add({ recordId: fact.id, store: 'facts', queuedAt: fact.at })
  })
  return fact
}

/**
 * Undo: voids this event's most recent interaction that is not voided yet, with a new fact
 * (facts are never edited or deleted). Returns the voided interaction, or undefined.
 */
export async function undoLastInteraction(eventId: string): Promise<StoredInteraction | undefined> {
  const deviceId = await getDeviceId()
  return db.transaction('rw', db.facts, db.outbox, async () => {
    const voided = new Set(
      (await db.facts.where('[eventId+kind]').equals([eventId, 'void']).toArray()).map(
        (f) => (f as VoidFact).payload.targetId,
      ),
    )
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
      schemaVersion: FACT_SCHEMA_VERSION,
      payload: { targetId: target.id, reason: 'undo' },
      // The void counts against the day of the tap it cancels.
      day: target.day,
    }
    await db.facts.add(correction)
    await db.outbox.add({ recordId: correction.id, store: 'facts', queuedAt: now })
    return target
  })
}

/** Contacts of an event (optionally of one day) counted through indexes: taps minus voids. */
export async function countContacts(eventId: string, day?: string): Promise<number> {
  const count = (kind: StoredFact['kind']) =>
    day === undefined
      ? db.facts.where('[eventId+kind]').equals([eventId, kind]).count()
      : db.facts.where('[eventId+kind+day]').equals([eventId, kind, day]).count()
  const [taps, voids] = await Promise.all([count('interaction'), count('void')])
  return taps - voids
}

/** Today's and the whole event's contacts, read in one transaction (the counters re-read this on every tap). */
export function countEventContacts(eventId: string, today: string): Promise<{ today: number; total: number }> {
  return db.transaction('r', db.facts, async () => {
    const [todayCount, total] = await Promise.all([countContacts(eventId, today), countContacts(eventId)])
    return { today: todayCount, total }
  })
}

/** Every fact of an event on this tablet, in write order. */
export async function listEventFacts(eventId: string): Promise<StoredFact[]> {
  const [taps, voids] = await Promise.all([
    db.facts.where('[eventId+kind]').equals([eventId, 'interaction']).toArray(),
    db.facts.where('[eventId+kind]').equals([eventId, 'void']).toArray(),
  ])
  return [...taps, ...voids].sort((a, b) => (a.id < b.id ? -1 : 1))
}
