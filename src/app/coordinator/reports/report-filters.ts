import { reportScopeSchema, type ReportScope } from '../../../shared/report-protocol'

/** The dashboard's filters as the form holds them: empty strings for "any". */
export interface ReportFilters {
  eventId: string
  from: string
  to: string
  setting: string
  topic: string
  suppressSmallCells: boolean
}

export const emptyFilters = (): ReportFilters => ({ eventId: '', from: '', to: '', setting: '', topic: '', suppressSmallCells: false })

/**
 * The filters as the server's scope, checked with the server's own schema: `{ ok: false }`
 * names the fields to explain (a period ending before it starts, a malformed id or day), so
 * a bad filter or URL parameter never reaches the server.
 */
export function scopeFromFilters(filters: ReportFilters): { ok: true; scope: ReportScope } | { ok: false; fields: string[] } {
  const candidate = {
    eventId: filters.eventId || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    setting: filters.setting || undefined,
    topic: filters.topic || undefined,
    suppressSmallCells: filters.suppressSmallCells ? 'true' : undefined,
  }
  const parsed = reportScopeSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, scope: parsed.data }
  return { ok: false, fields: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'form')))] }
}

/** Filters read from a route's query (a shared or bookmarked link); anything unknown is ignored. */
export function filtersFromQuery(query: Readonly<Record<string, unknown>>): ReportFilters {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '')
  return {
    eventId: text('eventId'), from: text('from'), to: text('to'), setting: text('setting'), topic: text('topic'),
    suppressSmallCells: query.suppressSmallCells === 'true',
  }
}

/** The filters as a route query (empty ones left out), so a view can be shared and reloaded. */
export function queryFromFilters(filters: ReportFilters): Record<string, string> {
  const query: Record<string, string> = {}
  for (const key of ['eventId', 'from', 'to', 'setting', 'topic'] as const) if (filters[key]) query[key] = filters[key]
  if (filters.suppressSmallCells) query.suppressSmallCells = 'true'
  return query
}
