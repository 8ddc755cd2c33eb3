// Frozen copy of the version 1 client (see README.md): never edit.
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

export const factSchema = z.discriminatedUnion('kind', [interactionFactSchema, voidFactSchema])

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
})

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

export type InteractionPayload = z.infer<typeof interactionPayloadSchema>
export type InteractionFact = z.infer<typeof interactionFactSchema>
export type VoidFact = z.infer<typeof voidFactSchema>
export type Fact = z.infer<typeof factSchema>
export type Kit = z.infer<typeof kitSchema>
export type EventDoc = z.infer<typeof eventSchema>
export type EventInput = z.infer<typeof eventInputSchema>
