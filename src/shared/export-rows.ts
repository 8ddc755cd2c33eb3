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
export type ExportRow = Record<ExportColumn, CsvValue>

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

export function exportRow(
  fact: ExportableFact,
  context: { eventName: string; day: string; hour: number; topicLabel: (code: string) => string },
): ExportRow {
  const common = { id: fact.id, kind: fact.kind, eventId: fact.eventId, event: context.eventName, deviceId: fact.deviceId, at: fact.at, day: context.day, hour: context.hour }
  const empty = {
    topic: null, topicLabel: null, interactionType: null, ageBand: null, audience: null, language: null, groupSize: null,
    surveyId: null, surveyVersion: null, channel: null, completion: null, tooFast: null, answers: null,
  }
  if (fact.kind === 'interaction') {
    const p = fact.payload
    return {
      ...common, ...empty, topic: p.topic, topicLabel: context.topicLabel(p.topic), interactionType: p.interactionType ?? null,
      ageBand: p.ageBand ?? null, audience: p.audience ?? null, language: p.language ?? null, groupSize: p.groupSize,
    }
  }
  const p = fact.payload
  return {
    ...common, ...empty, language: p.language, surveyId: p.surveyId, surveyVersion: p.surveyVersion, channel: p.channel,
    completion: p.completion, tooFast: p.tooFast ? 1 : 0, answers: answersCell(fact),
  }
}
