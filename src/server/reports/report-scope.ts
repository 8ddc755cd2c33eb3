import type { SelectQueryBuilder } from 'kysely'
import type { ReportScope } from '../../shared/report-protocol.js'
import type { Database } from '../db/database.table.js'

type FactsWithEvents = SelectQueryBuilder<Database & { f: Database['facts']; e: Database['events'] }, 'f' | 'e', object>

/** The facts a report covers: `facts as f` joined to `events as e`, narrowed by the scope. */
export function inScope<Q extends FactsWithEvents>(query: Q, scope: ReportScope): Q {
  let q = query
  if (scope.eventId) q = q.where('f.event_id', '=', scope.eventId) as Q
  if (scope.from) q = q.where('f.local_day', '>=', scope.from) as Q
  if (scope.to) q = q.where('f.local_day', '<=', scope.to) as Q
  if (scope.setting) q = q.where('e.setting', '=', scope.setting) as Q
  return q
}
