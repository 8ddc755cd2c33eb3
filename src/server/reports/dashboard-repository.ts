import { sql } from 'kysely'
import type { ReportScope } from '../../shared/report-protocol.js'
import type { Db } from '../db/database.table.js'
import { inScope } from './report-scope.js'

/** Contacts in scope per combination of dimensions, from the counts every push keeps (contact-counts.ts). */
export function contactCounts(db: Db, scope: ReportScope) {
  let q = db.selectFrom('contact_counts as c').innerJoin('events as e', 'e.id', 'c.event_id')
    .select(['c.local_hour', 'c.local_day', 'c.topic', 'c.interaction_type', 'c.age_band', 'c.audience', 'c.language', 'c.contacts', 'c.people'])
  if (scope.eventId) q = q.where('c.event_id', '=', scope.eventId)
  if (scope.from) q = q.where('c.local_day', '>=', scope.from)
  if (scope.to) q = q.where('c.local_day', '<=', scope.to)
  if (scope.setting) q = q.where('e.setting', '=', scope.setting)
  if (scope.topic) q = q.where('c.topic', '=', scope.topic)
  return q.where('c.contacts', '<>', 0).execute()
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

/** Survey answers in scope (responses flagged too fast left out), counted per question and value. */
export async function surveyAnswerCounts(db: Db, scope: ReportScope) {
  const scoped = () => inScope(db.selectFrom('survey_answers as a').innerJoin('facts as f', 'f.id', 'a.fact_id').innerJoin('events as e', 'e.id', 'f.event_id'), scope).where('a.too_fast', '=', 0)
  const [responses, answers] = await Promise.all([
    scoped().select(['a.survey_id', (eb) => eb.fn.count<number>('a.fact_id').distinct().as('n')]).groupBy('a.survey_id').execute(),
    scoped().select(['a.survey_id', 'a.question_id', 'a.value', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['a.survey_id', 'a.question_id', 'a.value']).execute(),
  ])
  return { responses, answers }
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
