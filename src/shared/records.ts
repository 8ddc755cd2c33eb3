import { z } from 'zod'
import { AGE_BANDS, AUDIENCES, INTERACTION_TYPES, OCCASIONS, SETTINGS, VISITOR_LANGUAGES } from './vocabularies.js'

export { FACT_SCHEMA_VERSION, SUPPORTED_FACT_SCHEMA_VERSIONS } from './schema-version.js'

const id = z.uuid()
/** A vocabulary-like code (kits may add their own buttons, so topics are codes, not a closed enum). */
export const codeSchema = z.string().regex(/^[a-z0-9][a-z0-9_+-]{0,63}$/)
const isoDateTime = z.iso.datetime({ offset: true })
const isoDate = z.iso.date()
const shortText = (max: number) => z.string().trim().min(1).max(max)

const factBase = {
  id,
  eventId: id,
  deviceId: id,
  /** Device time the fact happened: data only, never trusted for ordering or dedupe. */
  at: isoDateTime,
  schemaVersion: z.number().int(),
}

export const interactionPayloadSchema = z.strictObject({
  topic: codeSchema,
  interactionType: z.enum(INTERACTION_TYPES).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  audience: z.enum(AUDIENCES).optional(),
  language: z.enum(VISITOR_LANGUAGES).optional(),
  groupSize: z.number().int().min(1).max(500),
})

export const interactionFactSchema = z.strictObject({
  ...factBase,
  kind: z.literal('interaction'),
  payload: interactionPayloadSchema,
})

/** A correction: the earlier fact `targetId` no longer counts. Facts are never edited. */
export const voidFactSchema = z.strictObject({
  ...factBase,
  kind: z.literal('void'),
  payload: z.strictObject({ targetId: id, reason: z.enum(['undo', 'correction']) }),
})

/** One answer: a choice's value, several values, a scale point or a whole number. */
export const answerSchema = z.strictObject({
  questionId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
  value: z.union([z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/), z.number().int().min(0).max(1_000_000), z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)).min(1).max(12)]),
})

/**
 * A visitor's answers to one survey (kiosk now, phone later). `surveyVersion` is the
 * survey's published `revision` the visitor saw; the answers are checked against it.
 */
export const surveyResponsePayloadSchema = z.strictObject({
  surveyId: id,
  surveyVersion: z.number().int().min(1),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
  channel: z.enum(['kiosk', 'phone']),
  startedAt: isoDateTime,
  /** Set when the visitor reached the end; a partial response (left mid-way) has none. */
  completedAt: isoDateTime.optional(),
  completion: z.enum(['complete', 'partial']),
  answers: z.array(answerSchema).max(20),
  /** Answered faster than a person reads: kept, and flagged so results can leave it out. */
  tooFast: z.boolean(),
})

export const surveyResponseFactSchema = z.strictObject({
  ...factBase,
  kind: z.literal('survey_response'),
  payload: surveyResponsePayloadSchema,
})

export const factSchema = z.discriminatedUnion('kind', [interactionFactSchema, voidFactSchema, surveyResponseFactSchema])
export { FACT_KIND_SCHEMA_VERSION } from './schema-version.js'
/** The fact kinds this version knows; a server answers `unsupported` to any other (it stays queued). */
export const FACT_KINDS: readonly string[] = factSchema.options.map((o) => o.shape.kind.value)

/** How the kit's kiosk behaves; every field has a default (`kioskDefaults`). */
export const kioskSettingsSchema = z.strictObject({
  /** No touch for this long on a question → "still there?". */
  idleSeconds: z.number().int().min(10).max(600),
  /** "Still there?" unanswered for this long → reset for the next visitor. */
  stillThereSeconds: z.number().int().min(5).max(120),
  /** Thank-you screen, then ready for the next visitor (a "next visitor" button skips it). */
  thankYouSeconds: z.number().int().min(2).max(60),
  /** On a reset mid-survey: save the answers given so far as a partial response, or drop them. */
  keepPartial: z.boolean(),
})

export const kitSchema = z.strictObject({
  id,
  version: z.number().int().min(0),
  name: shortText(120),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  topics: z.array(codeSchema).min(1).max(60),
  interactionTypes: z.array(z.enum(INTERACTION_TYPES)).max(INTERACTION_TYPES.length),
  ageBands: z.array(z.enum(AGE_BANDS)).max(AGE_BANDS.length),
  audiences: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length),
  languages: z.array(z.enum(VISITOR_LANGUAGES)).max(VISITOR_LANGUAGES.length),
  /** Surveys the kiosk offers, in order (absent in kits from before surveys). */
  surveyIds: z.array(id).max(10).optional(),
  kiosk: kioskSettingsSchema.optional(),
  /** Social contents the QR wall shows, in order (absent in kits from before contents). */
  contentIds: z.array(id).max(30).optional(),
})

/** Longest event notes: a few paragraphs for the printed report. */
export const EVENT_NOTES_MAX = 2000
/** Plain text: line breaks and tabs, no other control characters. */
const PLAIN_TEXT = /^(?:[^\p{Cc}]|[\t\n\r])*$/u

/** What a person fills in to create an event (on a tablet or centrally). */
const eventFields = z.strictObject({
  kitId: id,
  name: shortText(120),
  setting: z.enum(SETTINGS),
  occasion: z.enum(OCCASIONS),
  venue: shortText(160),
  municipality: shortText(120),
  startDate: isoDate,
  endDate: isoDate,
  targetGroups: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length),
  /**
   * The coordinator's notes, printed in the event report (plain text, shown as text). Optional
   * and absent when empty: tablets never send it, older ones never see it (the protocol grows).
   */
  notes: z.string().trim().max(EVENT_NOTES_MAX).regex(PLAIN_TEXT).optional(),
})
const datesInOrder = (e: { startDate: string; endDate: string }) => e.endDate >= e.startDate
const datesMessage = { path: ['endDate'], message: 'end_before_start' }

export const eventInputSchema = eventFields.refine(datesInOrder, datesMessage)

export const eventSchema = eventFields
  .extend({
    id,
    version: z.number().int().min(0),
    status: z.enum(['open', 'closed']),
    createdAt: isoDateTime,
  })
  .refine(datesInOrder, datesMessage)

/**
 * Documents as answers carry them: a field this version does not know is dropped, never a
 * reason to refuse the document (the protocol only grows). Requests stay strict.
 */
export const kitDocumentSchema = kitSchema.strip()
export const eventDocumentSchema = eventSchema.strip()

export type InteractionPayload = z.infer<typeof interactionPayloadSchema>
export type InteractionFact = z.infer<typeof interactionFactSchema>
export type VoidFact = z.infer<typeof voidFactSchema>
export type SurveyResponsePayload = z.infer<typeof surveyResponsePayloadSchema>
export type SurveyResponseFact = z.infer<typeof surveyResponseFactSchema>
export type Answer = z.infer<typeof answerSchema>
export type KioskSettings = z.infer<typeof kioskSettingsSchema>
export type Fact = z.infer<typeof factSchema>
export type Kit = z.infer<typeof kitSchema>
export type EventDoc = z.infer<typeof eventSchema>
export type EventInput = z.infer<typeof eventInputSchema>
