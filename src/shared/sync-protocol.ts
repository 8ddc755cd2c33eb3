import { z } from 'zod'
import { eventDocumentSchema, kitDocumentSchema } from './records.js'
import { contentDocumentSchema } from './contents.js'
import { surveyDocumentSchema } from './surveys.js'

/** Limits of one push batch; the server enforces them and the client never exceeds them. */
export const PUSH_MAX_FACTS = 500
export const PUSH_MAX_EVENTS = 50
export const PUSH_MAX_BYTES = 1_000_000
/** At most this many documents in one pull answer; `hasMore` says another page follows. */
export const PULL_PAGE_SIZE = 200

/**
 * The protocol a tablet speaks, sent as this header on push and pull. Version 1 clients (no
 * header) parse answers strictly: the server answers them in the version 1 shape only
 * (`src/server/sync/protocol-v1.ts`). From version 2 clients ignore what they do not know, so a server may add
 * fields and document kinds freely (docs/sync-protocol.md, "growth").
 */
export const PROTOCOL_HEADER = 'x-corner-protocol'
export const PROTOCOL_VERSION = 2

/**
 * POST /api/v1/push. The envelope is strict; each record inside is validated on its own so
 * that one bad record is reported without blocking the others (reliability promise 5).
 */
export const pushedFactSchema = z.unknown()
export const pushedEventSchema = z.unknown()
export const pushRequestSchema = z.strictObject({
  facts: z.array(pushedFactSchema).max(PUSH_MAX_FACTS),
  events: z.array(pushedEventSchema).max(PUSH_MAX_EVENTS).default([]),
})

/**
 * Per record: accepted (new), duplicate (same id, same content: acknowledged again),
 * conflict (same id, other content: never overwrites), invalid (fails validation),
 * unsupported (a fact kind or schema version this server does not know: the record stays
 * queued on the tablet until a server that knows it answers).
 */
export const pushResultStatus = z.enum(['accepted', 'duplicate', 'conflict', 'invalid', 'unsupported'])
export const pushResultSchema = z.object({
  id: z.string().max(64),
  status: pushResultStatus,
  reason: z.string().max(500).optional(),
})
export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  serverTime: z.iso.datetime({ offset: true }),
})

/** GET /api/v1/pull?cursor=N&eventId=… : documents changed since the cursor, and live totals. */
export const pullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  eventId: z.uuid().optional(),
})
/** Survey answers of the event across all its tablets: how many responses, and counts per answer. */
export const surveyTotalsSchema = z.object({
  surveyId: z.uuid(),
  responses: z.number().int().min(0),
  answers: z.array(z.object({ questionId: z.string(), value: z.string(), count: z.number().int().min(0) })),
})
export const contentTotalsSchema = z.object({
  contentId: z.uuid(),
  scans: z.number().int().min(0),
  useful: z.number().int().min(0),
  notUseful: z.number().int().min(0),
})
export const eventTotalsSchema = z.object({
  eventId: z.uuid(),
  contacts: z.number().int().min(0),
  devices: z.number().int().min(0),
  /** Complete responses not flagged too fast (protocol 2 on). */
  surveys: z.array(surveyTotalsSchema).optional(),
  /** Scans and "was this useful?" answers per content of the event (protocol 2 on). */
  contents: z.array(contentTotalsSchema).optional(),
})
/**
 * One page of documents in version order: at most PULL_PAGE_SIZE in all kinds together,
 * `cursor` the version of the last one sent (the next page starts after it), `hasMore` true
 * when more follow. New document kinds arrive as new arrays beside `kits` and `events`.
 */
export const pullResponseSchema = z.object({
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  kits: z.array(kitDocumentSchema),
  events: z.array(eventDocumentSchema),
  surveys: z.array(surveyDocumentSchema),
  contents: z.array(contentDocumentSchema),
  totals: eventTotalsSchema.optional(),
})

/** POST /api/v1/enrol: the tablet keeps its own device id; the server binds a token to it. */
export const enrolRequestSchema = z.strictObject({
  code: z.string().trim().min(4).max(32),
  deviceId: z.uuid(),
  label: z.string().trim().max(80).optional(),
})
export const enrolResponseSchema = z.object({
  deviceId: z.uuid(),
  token: z.string().min(20).max(200),
})

/** Every error body of the API. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})

export type PushRequest = z.infer<typeof pushRequestSchema>
export type PushResult = z.infer<typeof pushResultSchema>
export type PushResponse = z.infer<typeof pushResponseSchema>
export type PullQuery = z.infer<typeof pullQuerySchema>
export type PullResponse = z.infer<typeof pullResponseSchema>
export type SurveyTotals = z.infer<typeof surveyTotalsSchema>
export type ContentTotals = z.infer<typeof contentTotalsSchema>
export type EnrolRequest = z.infer<typeof enrolRequestSchema>
export type EnrolResponse = z.infer<typeof enrolResponseSchema>
export type ApiError = z.infer<typeof apiErrorSchema>
