import { effectiveInteractions } from './event-log.js'
import type { Fact } from './records.js'

/** The dimensions contacts are counted by; a missing attribute counts under `unknown`. */
export const CONTACT_DIMENSIONS = ['hour', 'day', 'topic', 'interactionType', 'ageBand', 'audience', 'language'] as const
export type ContactDimension = (typeof CONTACT_DIMENSIONS)[number]
export const UNKNOWN = 'unknown'

export interface ContactSummary {
  /** Taps not voided: one per contact, whatever the group size. */
  contacts: number
  /** People reached: the group sizes of those taps added up. */
  people: number
  /** Dimension → value → contacts. Hours are "00"…"23" in Milan. */
  by: Record<ContactDimension, Record<string, number>>
}

export type LocalTime = (iso: string) => { day: string; hour: number }

/**
 * Contacts of a set of facts, counted by every dimension. Pure: the tablet counts its own facts
 * with it, and the server's SQL (dashboard, exports) must give the same figures.
 */
export function summarizeContacts(facts: readonly Fact[], localTime: LocalTime): ContactSummary {
  const by = Object.fromEntries(CONTACT_DIMENSIONS.map((d) => [d, {} as Record<string, number>])) as ContactSummary['by']
  let people = 0
  const interactions = effectiveInteractions(facts)
  for (const fact of interactions) {
    const { day, hour } = localTime(fact.at)
    const p = fact.payload
    const values: Record<ContactDimension, string> = {
      hour: String(hour).padStart(2, '0'), day, topic: p.topic, interactionType: p.interactionType ?? UNKNOWN,
      ageBand: p.ageBand ?? UNKNOWN, audience: p.audience ?? UNKNOWN, language: p.language ?? UNKNOWN,
    }
    for (const d of CONTACT_DIMENSIONS) by[d][values[d]] = (by[d][values[d]] ?? 0) + 1
    people += p.groupSize
  }
  return { contacts: interactions.length, people, by }
}

/**
 * Small-cell suppression for tables meant for publication: a count from 1 to 4 becomes "<5"
 * (zero stays zero: it reveals nobody).
 */
export function suppressSmallCells(counts: Record<string, number>, threshold = 5): Record<string, number | string> {
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n > 0 && n < threshold ? `<${threshold}` : n]))
}
