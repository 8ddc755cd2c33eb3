import type { Generated, Insertable, Selectable } from 'kysely'

/** One row per fact id, never updated. `seq` is the server's order; the device's `at` is data only. */
export interface FactsTable {
  seq: Generated<number>
  id: string
  event_id: string
  device_id: string
  kind: string
  /** Interaction topic, kept out of `body` so aggregates do not parse JSON. */
  topic: string | null
  /** For a void fact: the fact it cancels. */
  target_id: string | null
  /** For a survey response: its survey. */
  survey_id: string | null
  /** Counting dimensions kept from the body (interactions; `language` also for responses). */
  interaction_type: string | null
  age_band: string | null
  audience: string | null
  language: string | null
  group_size: number | null
  /** Day and hour in Milan of the device time `at`. */
  local_day: string
  local_hour: number
  at: string
  received_at: string
  /** Canonical JSON of the validated fact: what idempotency compares. */
  body: string
}

export type FactRow = Selectable<FactsTable>
export type NewFactRow = Insertable<FactsTable>

/**
 * Contacts (interactions not voided) of an event's day and topic under one value of one
 * dimension (hour "00"–"23", day, topic, interactionType, ageBand, audience, language;
 * "unknown" for a missing attribute). Each contact counts once per dimension.
 */
export interface ContactTotalsTable {
  event_id: string
  local_day: string
  topic: string
  dimension: string
  value: string
  contacts: number
  people: number
}
