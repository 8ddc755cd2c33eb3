import Dexie, { type EntityTable } from 'dexie'
import type { EventDoc, Fact, Kit } from '../../shared/records'

/** A fact as stored on the tablet: the synced record plus local-only index fields. */
export type StoredFact = Fact & {
  /** Local calendar day (YYYY-MM-DD) of the counted interaction, for "today" counters. */
  day: string
}

/** A local event document; `origin: 'device'` ones are pushed to the server like facts. */
export type StoredEvent = EventDoc & { origin: 'device' | 'server' }

/** One record waiting to be acknowledged by the server (only acknowledged ones leave). */
export interface OutboxEntry {
  seq?: number
  recordId: string
  store: 'facts' | 'events'
  queuedAt: string
}

/** A record the server refused (conflict or invalid): out of the queue, shown with its reason. */
export interface RejectedEntry {
  recordId: string
  store: OutboxEntry['store']
  status: 'conflict' | 'invalid'
  reason: string
  rejectedAt: string
}

export interface MetaEntry {
  key: string
  value: unknown
}

export class CornerDatabase extends Dexie {
  facts!: EntityTable<StoredFact, 'id'>
  events!: EntityTable<StoredEvent, 'id'>
  kits!: EntityTable<Kit, 'id'>
  outbox!: EntityTable<OutboxEntry, 'seq'>
  meta!: EntityTable<MetaEntry, 'key'>
  rejected!: EntityTable<RejectedEntry, 'recordId'>

  constructor(name = 'corner') {
    // 'strict' makes a committed transaction mean "flushed to disk": a browser killed right
    // after "saved" still has the fact (reliability promise 1).
    super(name, { chromeTransactionDurability: 'strict' })
    this.version(1).stores({
      facts: 'id, [eventId+kind], [eventId+kind+day]',
      events: 'id, startDate',
      kits: 'id',
      outbox: '++seq, &recordId',
      meta: 'key',
    })
    // v2: the sync engine's list of records the server refused.
    this.version(2).stores({ rejected: 'recordId, rejectedAt' })
  }
}
