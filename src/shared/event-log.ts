import type { CsvValue } from './csv.js'
import type { Fact, InteractionFact } from './records.js'

/** Interactions that still count: every interaction minus those voided by a later fact. */
export function effectiveInteractions(facts: readonly Fact[]): InteractionFact[] {
  const voided = new Set<string>()
  for (const fact of facts) if (fact.kind === 'void') voided.add(fact.payload.targetId)
  return facts.filter((f): f is InteractionFact => f.kind === 'interaction' && !voided.has(f.id))
}

/** Column keys of the event log, in order; headers are translated by the caller. */
export const EVENT_LOG_COLUMNS = [
  'id', 'eventId', 'event', 'deviceId', 'at', 'day', 'topic', 'topicLabel',
  'interactionType', 'ageBand', 'audience', 'language', 'groupSize',
] as const

export function eventLogRow(
  fact: InteractionFact & { day?: string },
  eventName: string,
  topicLabel: (code: string) => string,
): CsvValue[] {
  const p = fact.payload
  return [
    fact.id, fact.eventId, eventName, fact.deviceId, fact.at, fact.day ?? fact.at.slice(0, 10),
    p.topic, topicLabel(p.topic), p.interactionType, p.ageBand, p.audience, p.language, p.groupSize,
  ]
}
