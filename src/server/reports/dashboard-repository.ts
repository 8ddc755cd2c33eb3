import { sql } from 'kysely'
import type { ReportScope } from '../../shared/report-protocol.js'
import type { Db } from '../db/database.table.js'
import { RESPONSES_ROW } from '../sync/survey-counts.js'

/**
 * Contacts and people in scope per dimension and value, from the totals every push keeps
 * (src/server/sync/contact-counts.ts): one grouped pass over a few rows per day and topic.
 */
export function contactTotals(db: Db, scope: ReportScope) {
  let q = db.selectFrom('contact_totals as c')
    .select(['c.dimension', 'c.value', (eb) => eb.fn.sum<number>('c.contacts').as('contacts'), (eb) => eb.fn.sum<number>('c.people').as('people')])
  if (scope.eventId) q = q.where('c.event_id', '=', scope.eventId)
  if (scope.from) q = q.where('c.local_day', '>=', scope.from)
  if (scope.to) q = q.where('c.local_day', '<=', scope.to)
  if (scope.setting) q = q.where('c.event_id', 'in', (eb) => eb.selectFrom('events as e').select('e.id').where('e.setting', '=', scope.setting as string))
  if (scope.topic) q = q.where('c.topic', '=', scope.topic)
  return q.groupBy(['c.dimension', 'c.value']).execute()
}

/** Data as of the last fact the server received (from any tablet): what "as of the last sync" means. */
export async function lastReceivedAt(db: Db): Promise<string | null> {
  const row = await db.selectFrom('facts').select('received_at').orderBy('seq', 'desc').limit(1).executeTakeFirst()
  return row?.received_at ?? null
}

/** Events in scope: one, or those whose dates meet the period; by setting and occasion. */
export function eventCounts(db: Db, scope: ReportScope) {
  let q = db.selectFrom('events as e').select(['e.setting', 'e.occasion', (eb) => eb.fn.countAll<number>().as('n')])
  if (scope.eventId) q = q.where('e.id', '=', scope.eventId)
  if (scope.from) q = q.where('e.end_date', '>=', scope.from)
  if (scope.to) q = q.where('e.start_date', '<=', scope.to)
  if (scope.setting) q = q.where('e.setting', '=', scope.setting)
  return q.groupBy(['e.setting', 'e.occasion']).execute()
}

/**
 * Survey responses and answers in scope (responses flagged too fast left out), per question and
 * value, from the totals every push keeps (src/server/sync/survey-counts.ts).
 */
export async function surveyAnswerCounts(db: Db, scope: ReportScope) {
  let q = db.selectFrom('survey_totals as s')
    .select(['s.survey_id', 's.question_id', 's.value', (eb) => eb.fn.sum<number>('s.count').as('n')])
  if (scope.eventId) q = q.where('s.event_id', '=', scope.eventId)
  if (scope.from) q = q.where('s.local_day', '>=', scope.from)
  if (scope.to) q = q.where('s.local_day', '<=', scope.to)
  if (scope.setting) q = q.where('s.event_id', 'in', (eb) => eb.selectFrom('events as e').select('e.id').where('e.setting', '=', scope.setting as string))
  const rows = await q.groupBy(['s.survey_id', 's.question_id', 's.value']).execute()
  return {
    responses: rows.filter((r) => r.question_id === RESPONSES_ROW).map((r) => ({ survey_id: r.survey_id, n: Number(r.n) })),
    answers: rows.filter((r) => r.question_id !== RESPONSES_ROW).map((r) => ({ ...r, n: Number(r.n) })),
  }
}

/** Scans and feedback in scope, per content and kind. */
export function linkCounts(db: Db, scope: ReportScope) {
  let q = db.selectFrom('link_counts as l').innerJoin('events as e', 'e.id', 'l.event_id')
    .select(['l.content_id', 'l.kind', (eb) => eb.fn.sum<number>('l.count').as('n')])
  if (scope.eventId) q = q.where('l.event_id', '=', scope.eventId)
  if (scope.from) q = q.where('l.day', '>=', scope.from)
  if (scope.to) q = q.where('l.day', '<=', scope.to)
  if (scope.setting) q = q.where('e.setting', '=', scope.setting)
  return q.groupBy(['l.content_id', 'l.kind']).execute()
}

/** Enrolled tablets silent since `before`, or still holding queued records. */
export function quietTablets(db: Db, before: string) {
  return db.selectFrom('devices').select(['id', 'label', 'last_seen_at', 'queued_count'])
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('last_seen_at', '<', before), eb('last_seen_at', 'is', null), eb('queued_count', '>', 0)]))
    .orderBy(sql`last_seen_at is null`, 'desc').orderBy('last_seen_at')
    .execute()
}
