import { z } from 'zod'
import { CONTACT_DIMENSIONS } from './aggregations.js'
import { codeSchema } from './records.js'
import { OCCASIONS, SETTINGS } from './vocabularies.js'

/** Coordinator reports (/api/v1/admin/dashboard, /indicators, /exports): session authenticated. */

const isoDate = z.iso.date()
const count = z.number().int().min(0)
/** A count, or "<5" where small cells are suppressed for publication. */
const cell = z.union([count, z.literal('<5')])

/** Which facts a report covers: one event, or a period (Milan days, inclusive), optionally one setting or topic. */
export const reportScopeSchema = z.strictObject({
  eventId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  setting: z.enum(SETTINGS).optional(),
  topic: codeSchema.optional(),
  /** Counts from 1 to 4 shown as "<5" (for tables meant for publication). */
  suppressSmallCells: z.enum(['true', 'false']).optional(),
}).refine((s) => !s.from || !s.to || s.from <= s.to, { path: ['to'], message: 'to_before_from' })

export const dashboardSchema = z.object({
  /** Data as of the last fact received: what the tablets had synced by then. */
  asOf: z.string().nullable(),
  contacts: cell,
  people: cell,
  by: z.record(z.enum(CONTACT_DIMENSIONS), z.record(z.string(), cell)),
  events: z.object({ total: count, bySetting: z.record(z.string(), count), byOccasion: z.record(z.string(), count) }),
  surveys: z.array(z.object({
    surveyId: z.uuid(),
    name: z.string(),
    responses: cell,
    questions: z.array(z.object({ questionId: z.string(), counts: z.record(z.string(), cell) })),
  })),
  contents: z.array(z.object({ contentId: z.uuid(), title: z.string(), scans: cell, useful: cell, notUseful: cell })),
  /** Tablets silent for a day or more, or still holding records: they may hold contacts not counted yet. */
  tablets: z.array(z.object({ id: z.uuid(), label: z.string().nullable(), lastSeenAt: z.string().nullable(), queuedCount: count.nullable(), silent: z.boolean() })),
})

/** The plan's targets, configurable by coordinators. */
export const indicatorTargetsSchema = z.strictObject({
  contentsPerMonth: z.number().int().min(0).max(100),
  trainingEvents: z.number().int().min(0).max(100),
})
export const defaultIndicatorTargets: z.infer<typeof indicatorTargetsSchema> = { contentsPerMonth: 2, trainingEvents: 2 }

export const indicatorsSchema = z.object({
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  targets: indicatorTargetsSchema,
  eventsBySetting: z.record(z.enum(SETTINGS), count),
  eventsByOccasion: z.record(z.enum(OCCASIONS), count),
  contacts: count,
  people: count,
  surveyResponses: count,
  feedback: z.array(z.object({ contentId: z.uuid(), title: z.string(), scans: count, useful: count, notUseful: count })),
  /** Contents published per month (their `publishedOn`), against the target. */
  contentsPublished: z.array(z.object({ month: z.string(), count, target: count, met: z.boolean() })),
  trainingEvents: z.object({ count, target: count, met: z.boolean() }),
})

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'fhir'] as const
/** GET /api/v1/admin/exports: one event, a period, or (neither) everything; streamed. */
export const exportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** Column headers and labels: Italian (default) or English. */
  lang: z.enum(['it', 'en']).optional(),
  eventId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
}).refine((s) => !s.eventId || (!s.from && !s.to), { path: ['eventId'], message: 'event_or_period' })

export type ReportScope = z.infer<typeof reportScopeSchema>
export type Dashboard = z.infer<typeof dashboardSchema>
export type Indicators = z.infer<typeof indicatorsSchema>
export type IndicatorTargets = z.infer<typeof indicatorTargetsSchema>
export type ExportQuery = z.infer<typeof exportQuerySchema>
