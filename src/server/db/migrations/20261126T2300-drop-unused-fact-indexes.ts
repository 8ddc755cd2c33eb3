import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * Two indexes on `facts` that no query uses any more (dashboards read `contact_totals` and
 * `survey_totals`; exports page by `facts_event_kind_seq` and `facts_kind_seq`), while every
 * push paid to keep them: about a quarter of the index bytes written per fact.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('facts_event_kind_day').ifExists().execute()
  await db.schema.dropIndex('facts_event_survey').ifExists().execute()
}
