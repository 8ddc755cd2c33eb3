import { z } from 'zod'
import { eventDocumentSchema, kitDocumentSchema, type EventDoc, type Kit } from './records.js'
import { contentDocumentSchema, type Content } from './contents.js'
import { surveyDocumentSchema, type Survey } from './surveys.js'
import { eventTotalsSchema, pushResultStatus, type PushResponse } from './sync-protocol.js'

/**
 * How a tablet reads the server's answers: the protocol only grows, so fields it does not
 * know are dropped, document kinds it does not know are ignored, and a document it cannot
 * read is skipped and counted — never the whole page (docs/sync-protocol.md, "growth").
 */
const kitReader = kitDocumentSchema
const eventReader = eventDocumentSchema

const pullEnvelope = z.object({
  cursor: z.number().int().min(0),
  // A server before paging sent everything at once and no flag.
  hasMore: z.boolean().default(false),
  kits: z.array(z.unknown()).default([]),
  events: z.array(z.unknown()).default([]),
  surveys: z.array(z.unknown()).default([]),
  contents: z.array(z.unknown()).default([]),
  totals: eventTotalsSchema.optional().catch(undefined),
})

export interface PullPage {
  cursor: number
  hasMore: boolean
  kits: Kit[]
  events: EventDoc[]
  surveys: Survey[]
  contents: Content[]
  totals?: z.infer<typeof eventTotalsSchema>
  /** Documents this client could not read (a newer shape); they are not stored. */
  skipped: number
}

function readAll<T>(reader: z.ZodType<T>, values: unknown[]): { read: T[]; skipped: number } {
  const read: T[] = []
  for (const value of values) {
    const parsed = reader.safeParse(value)
    if (parsed.success) read.push(parsed.data)
  }
  return { read, skipped: values.length - read.length }
}

/** Throws only when the envelope itself is unreadable (no cursor): then nothing is stored. */
export function readPullResponse(body: unknown): PullPage {
  const envelope = pullEnvelope.parse(body)
  const kits = readAll(kitReader, envelope.kits)
  const events = readAll(eventReader, envelope.events)
  const surveys = readAll(surveyDocumentSchema, envelope.surveys)
  const contents = readAll(contentDocumentSchema, envelope.contents)
  return {
    cursor: envelope.cursor,
    hasMore: envelope.hasMore,
    kits: kits.read,
    events: events.read,
    surveys: surveys.read,
    contents: contents.read,
    ...(envelope.totals ? { totals: envelope.totals } : {}),
    skipped: kits.skipped + events.skipped + surveys.skipped + contents.skipped,
  }
}

const pushEnvelope = z.object({
  results: z.array(z.object({ id: z.string(), status: z.string(), reason: z.string().optional() })),
  serverTime: z.string(),
})

/** A status this client does not know keeps the record queued, like `unsupported`. */
export function readPushResponse(body: unknown): PushResponse {
  const envelope = pushEnvelope.parse(body)
  return {
    serverTime: envelope.serverTime,
    results: envelope.results.map((r) => {
      const status = pushResultStatus.safeParse(r.status)
      return {
        id: r.id,
        status: status.success ? status.data : 'unsupported',
        ...(r.reason === undefined ? {} : { reason: r.reason.slice(0, 500) }),
      }
    }),
  }
}
