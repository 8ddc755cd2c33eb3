import type { EventDoc, Fact } from '../../shared/records'
import type { PushResult } from '../../shared/sync-protocol'
import { db } from './db'
import type { OutboxEntry, RejectedEntry } from './database'

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
 * (local-only fields stripped). Events go first: facts may refer to them.
 */
export async function readOutboxBatch(limits: { facts: number; events: number; bytes: number }): Promise<OutboxBatch> {
  return db.transaction('r', db.outbox, db.facts, db.events, async () => {
    const batch: OutboxBatch = { facts: [], events: [], recordIds: [] }
    let bytes = 32
    const entries = await db.outbox.orderBy('seq').limit(limits.facts + limits.events).toArray()
    for (const entry of sortEventsFirst(entries)) {
      const record = await loadRecord(entry)
      if (!record) continue
      const size = JSON.stringify(record).length + 1
      if (bytes + size > limits.bytes) break
      if (entry.store === 'events') {
        if (batch.events.length >= limits.events) continue
        batch.events.push(record as EventDoc)
      } else {
        if (batch.facts.length >= limits.facts) continue
        batch.facts.push(record as Fact)
      }
      batch.recordIds.push(entry.recordId)
      bytes += size
    }
    return batch
  })
}

function sortEventsFirst(entries: OutboxEntry[]): OutboxEntry[] {
  return [...entries.filter((e) => e.store === 'events'), ...entries.filter((e) => e.store === 'facts')]
}

async function loadRecord(entry: OutboxEntry): Promise<Fact | EventDoc | undefined> {
  if (entry.store === 'events') {
    const event = await db.events.get(entry.recordId)
    if (!event) return undefined
    const { origin: _origin, ...doc } = event
    return doc
  }
  const fact = await db.facts.get(entry.recordId)
  if (!fact) return undefined
  const { day: _day, ...record } = fact
  return record as Fact
}

/**
 * Applies the server's per-record answers in one transaction: acknowledged records leave the
 * queue, refused ones move to the rejected list, `unsupported` ones stay queued. Ids the
 * server did not mention, or that were not in this batch, are left alone.
 */
export async function applyPushResults(batchIds: readonly string[], results: readonly PushResult[], now: string) {
  const inBatch = new Set(batchIds)
  const counts = { acknowledged: 0, rejected: 0, kept: 0 }
  await db.transaction('rw', db.outbox, db.rejected, async () => {
    const entries = await db.outbox.where('recordId').anyOf([...inBatch]).toArray()
    const byId = new Map(entries.map((entry) => [entry.recordId, entry]))
    const leaving: number[] = []
    const rejected: RejectedEntry[] = []
    for (const result of results) {
      const entry = byId.get(result.id)
      if (!entry) continue
      if (result.status === 'accepted' || result.status === 'duplicate') {
        leaving.push(entry.seq!)
        counts.acknowledged++
      } else if (result.status === 'conflict' || result.status === 'invalid') {
        rejected.push({ recordId: result.id, store: entry.store, status: result.status, reason: result.reason ?? result.status, rejectedAt: now })
        leaving.push(entry.seq!)
        counts.rejected++
      } else {
        counts.kept++
      }
    }
    await db.rejected.bulkPut(rejected)
    await db.outbox.bulkDelete(leaving)
  })
  return counts
}

export function listRejected(): Promise<RejectedEntry[]> {
  return db.rejected.orderBy('rejectedAt').reverse().toArray()
}
