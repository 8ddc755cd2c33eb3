import { z } from 'zod'
import { surveyContentSchema, surveyDocumentSchema } from './surveys.js'

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

/** GET /api/v1/admin/surveys/:id and the answer of every change: what is published, what is being edited. */
export const surveyDetailSchema = z.object({
  id: z.uuid(),
  revision: z.number().int().min(0),
  published: surveyDocumentSchema.nullable(),
  draft: surveyContentSchema.nullable(),
})

/** POST /api/v1/admin/surveys (→ 201) and PUT /api/v1/admin/surveys/:id/draft: the content, checked in full. */
export const saveSurveyRequestSchema = surveyContentSchema

/**
 * POST /api/v1/admin/surveys/:id/publish → 200 surveyDetailSchema. The draft becomes the next
 * revision; `expectedRevision`, when given, must be the current one (409 revision_conflict).
 */
export const publishSurveyRequestSchema = z.strictObject({ expectedRevision: z.number().int().min(0).optional() })

/** A survey as a file, between agencies: GET …/:id/export gives one, POST /api/v1/admin/surveys/import takes one (→ 201, a new draft). */
export const surveyFileSchema = z.strictObject({
  format: z.literal('corner-survey'),
  formatVersion: z.literal(1),
  survey: surveyContentSchema,
})
/** Imports may be larger than other bodies, never unbounded. */
export const SURVEY_FILE_MAX_BYTES = 512 * 1024

export type SurveySummary = z.infer<typeof surveySummarySchema>
export type SurveyDetail = z.infer<typeof surveyDetailSchema>
export type SurveyFile = z.infer<typeof surveyFileSchema>
