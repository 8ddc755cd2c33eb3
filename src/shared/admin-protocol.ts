import { z } from 'zod'
import { contentFileEntrySchema } from './contents.js'
import { eventDocumentSchema, eventSchema, kitDocumentSchema, kitSchema } from './records.js'
import { surveyFileEntrySchema } from './surveys.js'

/** Coordinator API (/api/v1/auth/*, /api/v1/admin/*): session-cookie authenticated. */

const username = z.string().trim().regex(/^[a-zA-Z0-9._-]{3,40}$/)
const isoDateTime = z.iso.datetime({ offset: true })

/** POST /api/v1/auth/login → 200 sessionResponseSchema (and a session cookie). */
export const loginRequestSchema = z.strictObject({
  username,
  password: z.string().min(1).max(200),
})
/** GET /api/v1/auth/me, POST /api/v1/auth/login. */
export const sessionResponseSchema = z.object({
  username: z.string(),
  expiresAt: isoDateTime,
})

/** POST /api/v1/auth/password → 204; 401 invalid_credentials when currentPassword is wrong. */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
})

export const accountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  createdAt: isoDateTime,
  /** A disabled account cannot log in; its sessions ended when it was disabled. */
  disabledAt: isoDateTime.nullable(),
})
/** POST /api/v1/admin/accounts → 201 accountSchema; 409 username_taken. */
export const createAccountRequestSchema = z.strictObject({
  username,
  password: z.string().min(10).max(200),
})
export const accountsResponseSchema = z.object({ accounts: z.array(accountSchema) })
/**
 * POST /api/v1/admin/accounts/:id/disable and …/enable → 200 accountSchema. A coordinator
 * cannot disable their own account, nor the last enabled one (409 last_account / self).
 */

/** GET /api/v1/admin/kits. */
export const kitsResponseSchema = z.object({ kits: z.array(kitDocumentSchema) })
/**
 * PUT /api/v1/admin/kits/:id → 200 the kit with a new version. `surveyIds` must name published
 * surveys; `version`, when given, must be the current one (409 version_conflict).
 */
export const updateKitRequestSchema = z.strictObject({
  ...z.strictObject(kitSchema.shape).omit({ id: true, version: true }).shape,
  version: z.number().int().min(0).optional(),
})

// The event fields a coordinator edits; id, version, status and createdAt belong to the server.
// (Rebuilt from the shape: zod refuses .omit() on a refined schema.)
const editableEventFields = z
  .strictObject(eventSchema.shape)
  .omit({ id: true, version: true, status: true, createdAt: true }).shape
const endNotBeforeStart = (e: { startDate: string; endDate: string }) => e.endDate >= e.startDate
const endRefinement = { path: ['endDate'], message: 'end_before_start' }

/** POST /api/v1/admin/events → 201 eventSchema. `id` optional (the server makes a UUIDv7). */
export const createEventRequestSchema = z
  .strictObject({ ...editableEventFields, id: z.uuid().optional() })
  .refine(endNotBeforeStart, endRefinement)
/**
 * PUT /api/v1/admin/events/:id → 200 eventSchema with a new version. `version`, when given,
 * must be the current one (409 version_conflict otherwise), so two coordinators cannot
 * silently overwrite each other.
 */
export const updateEventRequestSchema = z
  .strictObject({ ...editableEventFields, version: z.number().int().min(0).optional() })
  .refine(endNotBeforeStart, endRefinement)
export const eventsResponseSchema = z.object({ events: z.array(eventDocumentSchema) })

/** GET /api/v1/admin/devices. */
export const deviceSchema = z.object({
  id: z.uuid(),
  label: z.string().nullable(),
  enrolledAt: isoDateTime,
  lastSeenAt: isoDateTime.nullable(),
  queuedCount: z.number().int().min(0).nullable(),
  revokedAt: isoDateTime.nullable(),
})
export const devicesResponseSchema = z.object({ devices: z.array(deviceSchema) })
/**
 * POST /api/v1/admin/devices/:id/revoke → 200 deviceSchema: its tokens stop working at once.
 * POST /api/v1/admin/devices/:id/restore → 200 deviceSchema: the device may enrol again, with a
 * code issued for it (its old tokens stay revoked).
 */

/**
 * POST /api/v1/admin/enrolment-codes → 201. The link opens the app's /enrol route. Without
 * `deviceId` the code enrols a new tablet only; with it, it re-enrols that (not revoked)
 * tablet only — a code can never take over another tablet's id.
 */
export const createEnrolmentCodeRequestSchema = z.strictObject({
  label: z.string().trim().max(80).optional(),
  deviceId: z.uuid().optional(),
  /** Default 24 h, at most 7 days. */
  ttlMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
})
export const enrolmentCodeResponseSchema = z.object({
  code: z.string(),
  deviceId: z.uuid().optional(),
  expiresAt: isoDateTime,
  link: z.url(),
})

export type LoginRequest = z.infer<typeof loginRequestSchema>
export type SessionResponse = z.infer<typeof sessionResponseSchema>
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>
export type Account = z.infer<typeof accountSchema>
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>
export type CreateEventRequest = z.infer<typeof createEventRequestSchema>
export type UpdateEventRequest = z.infer<typeof updateEventRequestSchema>
export type Device = z.infer<typeof deviceSchema>
export type UpdateKitRequest = z.infer<typeof updateKitRequestSchema>
export type CreateEnrolmentCodeRequest = z.infer<typeof createEnrolmentCodeRequestSchema>
export type EnrolmentCodeResponse = z.infer<typeof enrolmentCodeResponseSchema>

/** POST /api/v1/admin/kits → 201: a new kit (its surveys published, its contents not retired). */
export const createKitRequestSchema = z.strictObject(z.strictObject(kitSchema.shape).omit({ id: true, version: true }).shape)
/** POST /api/v1/admin/kits/:id/duplicate → 201: a copy under a new id and name, to personalise. */
export const duplicateKitRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(120) })

/**
 * A kit as a file between agencies: the kit and the surveys and contents it uses, so the file
 * is whole. GET …/kits/:id/export gives one; POST …/kits/import takes one (→ 201; the same
 * file twice changes nothing the second time).
 */
export const kitFileSchema = z.strictObject({
  format: z.literal('corner-kit'),
  formatVersion: z.literal(1),
  kit: z.strictObject(kitSchema.shape).omit({ version: true }),
  surveys: z.array(surveyFileEntrySchema).max(10),
  contents: z.array(contentFileEntrySchema).max(30),
})
export const KIT_FILE_MAX_BYTES = 1_000_000

export type CreateKitRequest = z.infer<typeof createKitRequestSchema>
export type KitFile = z.infer<typeof kitFileSchema>
