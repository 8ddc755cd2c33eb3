import type { Insertable, Selectable } from 'kysely'

/**
 * Kits and events are versioned documents. `version` comes from one global counter
 * (`doc_counter`), so it doubles as the pull cursor. `body` is the document without
 * its version, as canonical JSON.
 */
export interface KitsTable {
  id: string
  version: number
  body: string
  updated_at: string
}

export interface EventsTable {
  id: string
  version: number
  kit_id: string
  status: string
  body: string
  /** Content first pushed by a tablet, so a re-push stays a duplicate after a coordinator edit. */
  pushed_body: string | null
  pushed_by: string | null
  updated_at: string
  /** Kept from `body` (db/fact-dimensions.ts) for dashboards. */
  setting: string | null
  occasion: string | null
  start_date: string | null
  end_date: string | null
}

export interface DocCounterTable {
  name: string
  value: number
}

export type KitRow = Selectable<KitsTable>
export type EventRow = Selectable<EventsTable>
export type NewEventRow = Omit<Insertable<EventsTable>, 'setting' | 'occasion' | 'start_date' | 'end_date'>
