import { z } from 'zod'
import { surveyDocumentSchema, surveyDraftContentSchema } from './surveys.js'

/** Coordinator API for surveys (/api/v1/admin/surveys): session-cookie authenticated. */

const isoDateTime = z.iso.datetime({ offset: true })

/** GET /api/v1/admin/surveys. `revision` 0: never published. */
export const surveySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  revision: z.number().int().min(0),
  languages: z.array(z.string()),
  hasDraft: z.boolean(),
  updatedAt: isoDateTime,
})
export const surveysResponseSchema = z.object({ surveys: z.array(surveySummarySchema) })

/**
 * GET /api/v1/admin/surveys/:id and the answer of every change: what is published, what is being
 * edited (possibly not translated in full yet), and `draftVersion`, which every save and
 * publication moves on (the editor sends back the one it opened).
 */
export const surveyDetailSchema = z.object({
  id: z.uuid(),
  revision: z.number().int().min(0),
  draftVersion: z.number().int().min(0),
  published: surveyDocumentSchema.nullable(),
  draft: surveyDraftContentSchema.nullable(),
})

/** POST /api/v1/admin/surveys (→ 201): a new draft, checked in full except that translations may be missing. */
export const createSurveyRequestSchema = surveyDraftContentSchema

/**
 * PUT /api/v1/admin/surveys/:id/draft: the draft, and the `draftVersion` the editor opened. If
 * anyone saved or published since, 409 draft_conflict and nothing is overwritten.
 */
export const saveSurveyDraftRequestSchema = z.strictObject({
  expectedDraftVersion: z.number().int().min(0),
  draft: surveyDraftContentSchema,
})

/**
 * POST /api/v1/admin/surveys/:id/publish → 200 surveyDetailSchema. The draft becomes the next
 * revision; `expectedRevision`, when given, must be the current one (409 revision_conflict), and
 * `expectedDraftVersion` the current draft (409 draft_conflict). A draft with a text missing in
 * any of its languages is refused (400 incomplete_translation, one detail per missing text).
 */
export const publishSurveyRequestSchema = z.strictObject({
  expectedRevision: z.number().int().min(0).optional(),
  expectedDraftVersion: z.number().int().min(0).optional(),
})

/** A survey as a file, between agencies: GET …/:id/export gives one, POST /api/v1/admin/surveys/import takes one (→ 201, a new draft). */
export const surveyFileSchema = z.strictObject({
  format: z.literal('corner-survey'),
  formatVersion: z.literal(1),
  survey: surveyDraftContentSchema,
})
/** Imports may be larger than other bodies, never unbounded. */
export const SURVEY_FILE_MAX_BYTES = 512 * 1024

export type SurveySummary = z.infer<typeof surveySummarySchema>
export type SurveyDetail = z.infer<typeof surveyDetailSchema>
export type SurveyFile = z.infer<typeof surveyFileSchema>
export type SaveSurveyDraftRequest = z.infer<typeof saveSurveyDraftRequestSchema>
