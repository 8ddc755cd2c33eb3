// Frozen copy of the version 1 client (see README.md): never edit.
import { z } from 'zod'
import { eventSchema, kitSchema } from './records.js'

/** Limits of one push batch; the server enforces them and the client never exceeds them. */
export const PUSH_MAX_FACTS = 500
export const PUSH_MAX_EVENTS = 50
export const PUSH_MAX_BYTES = 1_000_000

/**
 * POST /api/v1/push. The envelope is strict; each record inside is validated on its own so
 * that one bad record is reported without blocking the others (reliability promise 5).
 */
export const pushRequestSchema = z.strictObject({
  facts: z.array(z.unknown()).max(PUSH_MAX_FACTS),
  events: z.array(z.unknown()).max(PUSH_MAX_EVENTS).default([]),
})

/**
 * Per record: accepted (new), duplicate (same id, same content: acknowledged again),
 * conflict (same id, other content: 409, never overwrites), invalid (422: fails validation),
 * unsupported (409: unknown schema version, the record stays queued on the tablet).
 */
export const pushResultStatus = z.enum(['accepted', 'duplicate', 'conflict', 'invalid', 'unsupported'])
export const pushResultSchema = z.strictObject({
  id: z.string().max(64),
  status: pushResultStatus,
  reason: z.string().max(500).optional(),
})
export const pushResponseSchema = z.strictObject({
  results: z.array(pushResultSchema),
  serverTime: z.iso.datetime({ offset: true }),
})

/** GET /api/v1/pull?cursor=N&eventId=… : documents changed since the cursor, and live totals. */
export const pullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().min(0).default(0),
  eventId: z.uuid().optional(),
})
export const eventTotalsSchema = z.strictObject({
  eventId: z.uuid(),
  contacts: z.number().int().min(0),
  devices: z.number().int().min(0),
})
export const pullResponseSchema = z.strictObject({
  cursor: z.number().int().min(0),
  kits: z.array(kitSchema),
  events: z.array(eventSchema),
  totals: eventTotalsSchema.optional(),
})

/** POST /api/v1/enrol: the tablet keeps its own device id; the server binds a token to it. */
export const enrolRequestSchema = z.strictObject({
  code: z.string().trim().min(4).max(32),
  deviceId: z.uuid(),
  label: z.string().trim().max(80).optional(),
})
export const enrolResponseSchema = z.strictObject({
  deviceId: z.uuid(),
  token: z.string().min(20).max(200),
})

/** Every error body of the API. */
export const apiErrorSchema = z.strictObject({
  code: z.string(),
  message: z.string(),
  details: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
})

export type PushRequest = z.infer<typeof pushRequestSchema>
export type PushResult = z.infer<typeof pushResultSchema>
export type PushResponse = z.infer<typeof pushResponseSchema>
export type PullResponse = z.infer<typeof pullResponseSchema>
export type EnrolRequest = z.infer<typeof enrolRequestSchema>
export type EnrolResponse = z.infer<typeof enrolResponseSchema>
export type ApiError = z.infer<typeof apiErrorSchema>
