import { z } from 'zod'
import { contentDocumentSchema, contentInputSchema } from './contents.js'
import { surveyResponseFactSchema } from './records.js'
import { pushResultSchema } from './sync-protocol.js'
import { surveyDocumentSchema } from './surveys.js'

/** Coordinator API for contents (/api/v1/admin/contents, /media, /events/:id/codes). */

export const contentsResponseSchema = z.object({ contents: z.array(contentDocumentSchema) })
/** POST /api/v1/admin/contents → 201; PUT …/:id with `version` of the edited copy (409 version_conflict). */
export const saveContentRequestSchema = contentInputSchema
export const updateContentRequestSchema = z.strictObject({ content: contentInputSchema, version: z.number().int().min(0).optional() })

/** POST /api/v1/admin/media, the image as the body: its type is read from its bytes, never from its name. */
export const MEDIA_MAX_BYTES = 300 * 1024
export const MEDIA_MAX_PIXELS = 2_000
export const uploadedMediaSchema = z.object({
  file: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
})

/** GET /api/v1/admin/events/:id/codes: the tracked links of an event's contents, with their counts. */
export const eventCodeSchema = z.object({
  code: z.string(),
  contentId: z.uuid(),
  url: z.url(),
  scans: z.number().int().min(0),
  feedback: z.object({ useful: z.number().int().min(0), notUseful: z.number().int().min(0) }),
})
export const eventCodesResponseSchema = z.object({ codes: z.array(eventCodeSchema) })

/** Public, for the phone survey: GET /api/v1/codes/:code/survey. */
export const phoneSurveyResponseSchema = z.object({
  code: z.string(),
  eventId: z.uuid(),
  survey: surveyDocumentSchema,
})

/**
 * Public, POST /api/v1/codes/:code/responses: a phone sends its response (an id it made
 * itself) until the server acknowledges it; the same id again is a duplicate. Only `phone`
 * responses, for the code's event while it is open, to a survey of its kit.
 */
export const phoneResponsesRequestSchema = z.strictObject({ responses: z.array(surveyResponseFactSchema).min(1).max(5) })
export const phoneResponsesResultSchema = z.object({ results: z.array(pushResultSchema) })

export { PHONE_DEVICE_ID } from './phone-device.js'
export type EventCode = z.infer<typeof eventCodeSchema>
