import { exportQuerySchema, type EXPORT_FORMATS, type ExportQuery } from '../../../shared/report-protocol'

/** What the coordinator chose on the exports screen. */
export interface ExportChoice {
  scope: 'event' | 'period' | 'all'
  eventId: string
  from: string
  to: string
  format: (typeof EXPORT_FORMATS)[number]
  lang: 'it' | 'en'
}

/**
 * The choice as the server's export query, checked with the server's own schema: the fields
 * to explain otherwise (no event chosen, no day, a period ending before it starts).
 */
export function exportQueryFromChoice(choice: ExportChoice): { ok: true; query: ExportQuery } | { ok: false; fields: string[] } {
  const fields: string[] = []
  if (choice.scope === 'event' && !choice.eventId) fields.push('eventId')
  if (choice.scope === 'period' && !choice.from && !choice.to) fields.push('from')
  const candidate = {
    format: choice.format,
    lang: choice.lang,
    ...(choice.scope === 'event' ? { eventId: choice.eventId || undefined } : {}),
    ...(choice.scope === 'period' ? { from: choice.from || undefined, to: choice.to || undefined } : {}),
  }
  const parsed = exportQuerySchema.safeParse(candidate)
  if (!parsed.success) fields.push(...parsed.error.issues.map((issue) => String(issue.path[0] ?? 'form')))
  if (choice.scope === 'period' && choice.from && choice.to && choice.to < choice.from) fields.push('to')
  return fields.length === 0 && parsed.success ? { ok: true, query: parsed.data } : { ok: false, fields: [...new Set(fields)] }
}
