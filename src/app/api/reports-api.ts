import {
  dashboardSchema, indicatorsSchema, indicatorTargetsSchema,
  type ExportQuery, type IndicatorTargets, type ReportScope,
} from '../../shared/report-protocol'
import { createHttp } from './http'

/** The coordinator's reports: dashboard, indicators, their targets and the streamed exports. */
const request = createHttp({ credentials: 'same-origin' })
const ADMIN = '/api/v1/admin'

/** A query string of the fields that are set, in a stable order (empty values left out). */
export function queryString(params: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value)
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const fetchDashboard = (scope: ReportScope) =>
  request({ method: 'GET', path: `${ADMIN}/dashboard${queryString(scope)}`, read: (body) => dashboardSchema.parse(body) })

export const fetchIndicators = (period: { from?: string; to?: string }) =>
  request({ method: 'GET', path: `${ADMIN}/indicators${queryString(period)}`, read: (body) => indicatorsSchema.parse(body) })

export const saveIndicatorTargets = (targets: IndicatorTargets) =>
  request({ method: 'PUT', path: `${ADMIN}/indicator-targets`, body: targets, read: (body) => indicatorTargetsSchema.parse(body) })

/**
 * Where the browser downloads an export from: a plain same-origin GET the session cookie goes
 * with, so the file streams to disk instead of passing through the page's memory.
 */
export const exportUrl = (query: ExportQuery) => `${ADMIN}/exports${queryString(query)}`
