import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../open-database.js'
import { ContactDeltas, applyContactDeltas, type TapDimensions } from '../../sync/contact-counts.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * Dashboards at 100,000 facts (docs/performance.md): contacts kept per dimension value
 * instead of per combination of all dimensions, and survey answers kept counted per day
 * like contacts (the dashboard no longer joins 10,000s of answer rows to the facts).
 */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('contact_totals')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('local_day', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('contacts', 'integer', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_totals_pk', ['event_id', 'dimension', 'value', 'local_day', 'topic'])
    // Key order = grouping order: an event's rows are read in one range, already grouped by
    // dimension and value (no sort); on SQLite stored in that order, without a rowid lookup.
    .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute()
  // The counts kept so far, folded into the new rows event by event (no fact is read again).
  const events: { event_id: string }[] = await db.selectFrom('contact_counts').select('event_id').distinct().execute()
  for (const { event_id } of events) {
    const deltas = new ContactDeltas()
    const rows = (await db.selectFrom('contact_counts').selectAll().where('event_id', '=', event_id).execute()) as (TapDimensions & { contacts: number; people: number })[]
    for (const row of rows) deltas.add(row, Number(row.contacts), Number(row.people))
    await applyContactDeltas(db, deltas)
  }
  await db.schema.dropTable('contact_counts').execute()

  await db.schema
    .createTable('survey_totals')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('local_day', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_totals_pk', ['event_id', 'survey_id', 'question_id', 'value', 'local_day'])
    .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute()
  // The answers stored so far, counted as the push now counts them (survey-counts.ts).
  const scoped = () => db.selectFrom('survey_answers as a').innerJoin('facts as f', 'f.id', 'a.fact_id').where('a.too_fast', '=', 0)
  await db.insertInto('survey_totals').columns(['event_id', 'survey_id', 'question_id', 'value', 'local_day', 'count'])
    .expression(scoped().select(['a.event_id', 'a.survey_id', 'a.question_id', 'a.value', 'f.local_day', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['a.event_id', 'a.survey_id', 'a.question_id', 'a.value', 'f.local_day']))
    .execute()
  await db.insertInto('survey_totals').columns(['event_id', 'survey_id', 'question_id', 'value', 'local_day', 'count'])
    .expression(scoped().select(['a.event_id', 'a.survey_id', sql.lit('').as('q'), sql.lit('').as('v'), 'f.local_day', (eb) => eb.fn.count('a.fact_id').distinct().as('n')])
      .groupBy(['a.event_id', 'a.survey_id', 'f.local_day']))
    .execute()
}
