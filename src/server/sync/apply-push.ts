import type { Kysely, Transaction } from 'kysely'
import type { EventDoc, Fact } from '../../shared/records.js'
import type { PushResult } from '../../shared/sync-protocol.js'
import { authenticateDevice } from '../auth/device-auth.js'
import type { Database } from '../db/database.table.js'
import type { NewFactRow } from '../db/facts.table.js'
import { touchDevice } from '../repos/devices.js'
import { existingEventIds, findEvents, insertEvent, nextDocumentVersion } from '../repos/documents.js'
import { findFactBodies, insertNewFacts } from '../repos/facts.js'
import { checkEvent, checkFact, type Checked } from './check-records.js'

export interface PushInput {
  /** SHA-256 of the bearer token; the device is looked up inside the transaction. */
  tokenHash: string | undefined
  facts: unknown[]
  events: unknown[]
  now: Date
  queuedCount?: number
}

type Valid<T> = Extract<Checked<T>, { ok: true }>

/**
 * Applies one push batch in one transaction: events first (a fact may name an event created
 * offline in the same batch), then facts. Results come back in request order, events first.
 */
export async function applyPush(db: Kysely<Database>, input: PushInput): Promise<PushResult[]> {
  // Validation is CPU work: done before the transaction so it never holds the write lock.
  const events = input.events.map((raw, i) => checkEvent(raw, i))
  const facts = input.facts.map((raw, i) => checkFact(raw, i))
  const nowIso = input.now.toISOString()
  return db.transaction().execute(async (trx) => {
    const deviceId = await authenticateDevice(trx, input.tokenHash)
    await touchDevice(trx, deviceId, nowIso, input.queuedCount)
    const eventResults = await applyEvents(trx, events, deviceId, nowIso)
    const factResults = await applyFacts(trx, facts.map((c) => rejectOtherDevice(c, deviceId)), nowIso)
    return [...eventResults, ...factResults]
  })
}

/** A tablet may only push its own facts. */
function rejectOtherDevice(checked: Checked<Fact>, deviceId: string): Checked<Fact> {
  if (!checked.ok || checked.record.deviceId === deviceId) return checked
  return { ok: false, result: { id: checked.record.id, status: 'invalid', reason: 'device_mismatch: deviceId is not the device of this token' } }
}

/** Same id already seen (earlier in the batch or stored): duplicate if same content, else conflict. */
function compare(id: string, canonical: string, stored: string): PushResult {
  return stored === canonical ? { id, status: 'duplicate' } : { id, status: 'conflict', reason: 'id_exists_with_other_content' }
}

async function applyEvents(trx: Transaction<Database>, checked: Checked<EventDoc>[], deviceId: string, nowIso: string) {
  const valid = checked.filter((c): c is Valid<EventDoc> => c.ok)
  const stored = new Map((await findEvents(trx, valid.map((c) => c.record.id))).map((r) => [r.id, r.pushed_body ?? r.body]))
  const results: PushResult[] = []
  for (const c of checked) {
    if (!c.ok) {
      results.push(c.result)
      continue
    }
    const { id } = c.record
    const existing = stored.get(id)
    if (existing !== undefined) {
      results.push(compare(id, c.canonical, existing))
      continue
    }
    const version = await nextDocumentVersion(trx)
    await insertEvent(trx, {
      id, version, kit_id: c.record.kitId, status: c.record.status, body: c.canonical,
      pushed_body: c.canonical, pushed_by: deviceId, updated_at: nowIso,
    })
    stored.set(id, c.canonical)
    results.push({ id, status: 'accepted' })
  }
  return results
}

function toRow(fact: Fact, canonical: string, receivedAt: string): NewFactRow {
  return {
    id: fact.id, event_id: fact.eventId, device_id: fact.deviceId, kind: fact.kind,
    topic: fact.kind === 'interaction' ? fact.payload.topic : null,
    target_id: fact.kind === 'void' ? fact.payload.targetId : null,
    at: fact.at, received_at: receivedAt, body: canonical,
  }
}

async function applyFacts(trx: Transaction<Database>, checked: Checked<Fact>[], nowIso: string): Promise<PushResult[]> {
  const valid = checked.filter((c): c is Valid<Fact> => c.ok)
  const knownEvents = await existingEventIds(trx, [...new Set(valid.map((c) => c.record.eventId))])
  const results: PushResult[] = checked.map((c) => (c.ok ? { id: c.record.id, status: 'accepted' } : c.result))
  const pending: { index: number; id: string; canonical: string }[] = []
  const firstInBatch = new Map<string, string>()
  const rows: NewFactRow[] = []
  checked.forEach((c, index) => {
    if (!c.ok) return
    const { id, eventId } = c.record
    if (!knownEvents.has(eventId)) {
      results[index] = { id, status: 'invalid', reason: `unknown_event: ${eventId}` }
      return
    }
    pending.push({ index, id, canonical: c.canonical })
    if (firstInBatch.has(id)) return
    firstInBatch.set(id, c.canonical)
    rows.push(toRow(c.record, c.canonical, nowIso))
  })
  const inserted = await insertNewFacts(trx, rows)
  const stored = await findFactBodies(trx, rows.filter((r) => !inserted.has(r.id)).map((r) => r.id))
  const reported = new Set<string>()
  for (const p of pending) {
    // The first occurrence of an inserted id is the accepted one; any repeat compares with what is stored.
    if (inserted.has(p.id) && !reported.has(p.id)) reported.add(p.id)
    else results[p.index] = compare(p.id, p.canonical, stored.get(p.id) ?? firstInBatch.get(p.id) ?? '')
  }
  return results
}
