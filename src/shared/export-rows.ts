import type { CsvValue } from './csv.js'
import type { Fact, InteractionFact, SurveyResponseFact } from './records.js'

/**
 * The event log as analysts get it, from the server or from one tablet: one row per contact
 * (an interaction no void cancelled) and one per survey response. Voids never appear.
 */
export const EXPORT_COLUMNS = [
  'id', 'kind', 'eventId', 'event', 'deviceId', 'at', 'day', 'hour', 'topic', 'topicLabel', 'interactionType', 'ageBand',
  'audience', 'language', 'groupSize', 'surveyId', 'surveyVersion', 'channel', 'completion', 'tooFast', 'answers',
] as const
export type ExportColumn = (typeof EXPORT_COLUMNS)[number]

/** What every export says it contains. */
export const EXPORT_INCLUDES = 'contacts (interactions not voided) and survey responses (complete and partial; tooFast flags implausibly fast ones); voids and voided contacts are left out'

export type ExportableFact = InteractionFact | SurveyResponseFact

export function isExportable(fact: Fact): fact is ExportableFact {
  return fact.kind === 'interaction' || fact.kind === 'survey_response'
}

/** Answers in one cell: `question=value`, several values of one question joined by `+`. */
export function answersCell(fact: SurveyResponseFact): string {
  return fact.payload.answers.map((a) => `${a.questionId}=${[a.value].flat().join('+')}`).join('; ')
}

export interface ExportContext {
  eventName: string
  day: string
  hour: number
  topicLabel: (code: string) => string
}

/**
 * The cells of one fact in EXPORT_COLUMNS order, built as one array: exports write 100,000s
 * of rows, and spreading 21-key objects per row cost more than the database reads (docs/exports.md).
 */
export function exportCells(fact: ExportableFact, context: ExportContext): CsvValue[] {
  const { id, kind, eventId, deviceId, at } = fact
  if (fact.kind === 'interaction') {
    const p = fact.payload
    return [
      id, kind, eventId, context.eventName, deviceId, at, context.day, context.hour, p.topic, context.topicLabel(p.topic), p.interactionType ?? null, p.ageBand ?? null,
      p.audience ?? null, p.language ?? null, p.groupSize, null, null, null, null, null, null,
    ]
  }
  const p = fact.payload
  return [
    id, kind, eventId, context.eventName, deviceId, at, context.day, context.hour, null, null, null, null,
    null, p.language, null, p.surveyId, p.surveyVersion, p.channel, p.completion, p.tooFast ? 1 : 0, answersCell(fact),
  ]
}
