import type { EventDoc, Fact } from '../../shared/records'
import type { PushResult } from '../../shared/sync-protocol'
import { db } from './db'
import type { RejectedEntry } from './database'

/** How many records wait for the server's acknowledgement. */
export function countQueued(): Promise<number> {
  return db.outbox.count()
}

export interface OutboxBatch {
  facts: Fact[]
  events: EventDoc[]
  /** Outbox keys in this batch: only these may leave the queue when acknowledged. */
  recordIds: string[]
}

/**
 * The oldest queued records, within the server's batch limits, as the server wants them
 * (local-only fields stripped). Events go first: facts may refer to them. Records in `skip`
 * (answered `unsupported` earlier in this sync) are passed over, so they stay queued without
 * holding back the records behind them (reliability promise 5).
 */
export async function readOutboxBatch(
  limits: { facts: number; events: number; bytes: number },
  skip: ReadonlySet<string> = new Set(),
): Promise<OutboxBatch> {
  return db.transaction('r', db.outbox, db.facts, db.events, async () => {
    const queue = skip.size === 0 ? db.outbox.toCollection() : db.outbox.filter((entry) => !skip.has(entry.recordId))
    const entries = await queue.limit(limits.facts + limits.events).toArray()
    const eventIds = entries.filter((e) => e.store === 'events').map((e) => e.recordId).slice(0, limits.events)
    const factIds = entries.filter((e) => e.store === 'facts').map((e) => e.recordId).slice(0, limits.facts)
    const [events, facts] = await Promise.all([db.events.bulkGet(eventIds), db.facts.bulkGet(factIds)])
    const batch: OutboxBatch = { facts: [], events: [], recordIds: [] }
    let bytes = 32
    const fits = (record: object) => {
      bytes += JSON.stringify(record).length + 1
      return bytes <= limits.bytes
    }
    for (const stored of events) {
      if (!stored) continue
      const { origin: _origin, ...event } = stored
      if (!fits(event)) return batch
      batch.events.push(event)
      batch.recordIds.push(event.id)
    }
    for (const stored of facts) {
      if (!stored) continue
      const { day: _day, ...fact } = stored
      if (!fits(fact)) return batch
      batch.facts.push(fact as Fact)
      batch.recordIds.push(fact.id)
    }
    return batch
  })
}

/**
 * Applies the server's per-record answers in one transaction: acknowledged records leave the
 * queue, refused ones move to the rejected list, `unsupported` ones stay queued. Ids the
 * server did not mention stay queued too; answers about ids not in this batch are ignored.
 * `kept` lists the batch's ids still queued.
 */
export async function applyPushResults(batchIds: readonly string[], results: readonly PushResult[], now: string) {
  const inBatch = new Set(batchIds)
  const counts = { acknowledged: 0, rejected: 0, kept: [] as string[] }
  await db.transaction('rw', db.outbox, db.rejected, async () => {
    const entries = await db.outbox.bulkGet([...inBatch])
    const byId = new Map(entries.filter((e) => e !== undefined).map((entry) => [entry.recordId, entry]))
    // Stryker disable next-line ArrayDeclaration: deleting a key that is not in the outbox changes nothing.
    const leaving: string[] = []
    const rejected: RejectedEntry[] = []
    for (const result of results) {
      const entry = byId.get(result.id)
      if (!entry) continue
      if (result.status === 'accepted' || result.status === 'duplicate') {
        leaving.push(entry.recordId)
        counts.acknowledged++
      } else if (result.status === 'conflict' || result.status === 'invalid') {
        rejected.push({ recordId: result.id, store: entry.store, status: result.status, reason: result.reason ?? result.status, rejectedAt: now })
        leaving.push(entry.recordId)
        counts.rejected++
      }
    }
    await db.rejected.bulkPut(rejected)
    await db.outbox.bulkDelete(leaving)
    const left = new Set(leaving)
    counts.kept = [...byId.keys()].filter((id) => !left.has(id))
  })
  return counts
}

export function listRejected(): Promise<RejectedEntry[]> {
  return db.rejected.orderBy('rejectedAt').reverse().toArray()
}
