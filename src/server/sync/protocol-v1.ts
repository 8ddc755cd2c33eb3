import { z } from 'zod'
import { eventSchema, kitSchema } from '../../shared/records.js'
import { eventTotalsSchema } from '../../shared/sync-protocol.js'
import type { PullPage } from './pull-service.js'

/**
 * Tablets installed before the protocol header parse the pull answer strictly: any field they
 * do not know breaks their sync. They get exactly the version 1 shape — the documents cut down
 * to the fields version 1 knew, no `hasMore` (they follow pages one sync at a time, since the
 * cursor is that of the last document sent) and no new document kinds.
 */
const V1_KIT_KEYS = ['id', 'version', 'name', 'color', 'topics', 'interactionTypes', 'ageBands', 'audiences', 'languages'] as const
const V1_EVENT_KEYS = [
  'id', 'version', 'kitId', 'name', 'setting', 'occasion', 'venue', 'municipality', 'startDate', 'endDate', 'targetGroups',
  'status', 'createdAt',
] as const

function pick<T extends object>(value: T, keys: readonly string[]): T {
  return Object.fromEntries(keys.filter((k) => k in value).map((k) => [k, value[k as keyof T]])) as T
}

export function toV1Page(page: PullPage) {
  return {
    cursor: page.cursor,
    kits: page.kits.map((kit) => pick(kit, V1_KIT_KEYS)),
    events: page.events.map((event) => pick(event, V1_EVENT_KEYS)),
    ...(page.totals ? { totals: pick(page.totals, ['eventId', 'contacts', 'devices']) } : {}),
  }
}

/** The version 1 answer as published (what pre-header tablets validate against). */
export const pullResponseV1Schema = z
  .object({
    cursor: z.number().int().min(0),
    kits: z.array(kitSchema),
    events: z.array(eventSchema),
    totals: eventTotalsSchema.optional(),
  })
  // Stryker disable next-line StringLiteral: OpenAPI documentation text, not behaviour.
  .describe('Answer to a client without the x-corner-protocol header (protocol version 1)')
