import type { Selectable } from 'kysely'

export interface ContentsTable {
  id: string
  version: number
  /** The content without its version, canonical JSON. */
  body: string
  updated_at: string
}

/** A tracked link: one code per event × content, kept for ever (its counts stay with it). */
export interface ContentCodesTable {
  code: string
  event_id: string
  content_id: string
  created_at: string
}

/**
 * Anonymous aggregates: how many scans (`scan`) and answers to "was this useful?"
 * (`useful`, `not_useful`) per event, content, day (Europe/Rome) and language. Nothing else.
 */
export interface LinkCountsTable {
  event_id: string
  content_id: string
  day: string
  language: string
  kind: 'scan' | 'useful' | 'not_useful'
  count: number
}

export type ContentRow = Selectable<ContentsTable>
