import { milanDayAndHour } from '../../shared/milan-time.js'

export { milanDayAndHour }

/** Columns kept from a fact for counting (only interactions have attributes). */
export function factDimensions(fact: { kind?: string; payload?: Record<string, unknown> }, at: string) {
  const p = fact.kind === 'interaction' ? (fact.payload ?? {}) : {}
  const text = (v: unknown) => (typeof v === 'string' ? v : null)
  const { day, hour } = milanDayAndHour(at)
  return {
    interaction_type: text(p.interactionType),
    age_band: text(p.ageBand),
    audience: text(p.audience),
    language: fact.kind === 'survey_response' ? text(fact.payload?.language) : text(p.language),
    group_size: typeof p.groupSize === 'number' ? p.groupSize : null,
    local_day: day,
    local_hour: hour,
  }
}

/** Columns kept from an event document for filtering and counting. */
export function eventColumns(event: { setting?: string; occasion?: string; startDate?: string; endDate?: string }) {
  return { setting: event.setting ?? null, occasion: event.occasion ?? null, start_date: event.startDate ?? null, end_date: event.endDate ?? null }
}
