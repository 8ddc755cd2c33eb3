import Dexie, { type EntityTable } from 'dexie'
import type { Content } from '../../shared/contents'
import type { EventDoc, Fact, Kit } from '../../shared/records'
import type { Survey } from '../../shared/surveys'

/** A fact as stored on the tablet: the synced record plus local-only index fields. */
export type StoredFact = Fact & {
  /** Local calendar day (YYYY-MM-DD) of the counted interaction, for "today" counters. */
  day: string
}

/** A local event document; `origin: 'device'` ones are pushed to the server like facts. */
export type StoredEvent = EventDoc & { origin: 'device' | 'server' }

/** One record waiting to be acknowledged by the server (only acknowledged ones leave). */
export interface OutboxEntry {
  /** The fact's or event's id: a UUIDv7 made here, so key order is write order. */
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

/** Contacts of one event on one local day, kept in step with the facts in the same transaction. */
export interface DayCounter {
  eventId: string
  day: string
  contacts: number
}

export interface MetaEntry {
  key: string
  value: unknown
}

export class CornerDatabase extends Dexie {
  facts!: EntityTable<StoredFact, 'id'>
  events!: EntityTable<StoredEvent, 'id'>
  kits!: EntityTable<Kit, 'id'>
  outbox!: EntityTable<OutboxEntry, 'recordId'>
  meta!: EntityTable<MetaEntry, 'key'>
  rejected!: EntityTable<RejectedEntry, 'recordId'>
  counters!: EntityTable<DayCounter, 'eventId'>
  /** Published surveys (latest revision of each), pulled like kits; templates seeded offline. */
  surveys!: EntityTable<Survey, 'id'>
  /** Social contents of the catalogue, pulled like kits; the demo ones seeded offline. */
  contents!: EntityTable<Content, 'id'>

  constructor(name = 'corner') {
    // 'strict' makes a committed transaction mean "flushed to disk": a browser killed right
    // after "saved" still has the fact (reliability promise 1).
    // cache 'disabled': live queries re-run once, after the commit, instead of also running
    // optimistically against the uncommitted write (which only queued behind it on a tap).
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled' })
    this.version(1).stores({
      facts: 'id, [eventId+kind]',
      events: 'id, startDate',
      kits: 'id',
      outbox: 'recordId',
      rejected: 'recordId, rejectedAt',
      // Counting an index range in IndexedDB walks every key in it: the counters are kept as
      // rows instead, so the tap screen stays as fast at the 5,000th contact as at the first.
      counters: '[eventId+day]',
      meta: 'key',
    })
    // Version 2 adds the survey and content documents; existing stores are kept as they are.
    this.version(2).stores({ surveys: 'id', contents: 'id' })
  }
}
