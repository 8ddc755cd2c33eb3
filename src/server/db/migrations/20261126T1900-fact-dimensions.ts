import { sql, type Kysely } from 'kysely'
import { eventColumns, factDimensions } from '../fact-dimensions.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * The dimensions dashboards and exports group by, as columns (kept from the fact's body at
 * insert): counting by topic, age band or hour over 100,000 facts then needs no JSON parsing.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const [name, type] of [['interaction_type', 'text'], ['age_band', 'text'], ['audience', 'text'], ['language', 'text'], ['group_size', 'integer'], ['local_day', 'text'], ['local_hour', 'integer']] as const) {
    await db.schema.alterTable('facts').addColumn(name, type).execute()
  }
  // Facts stored before these columns: filled from their bodies, in batches.
  for (let after = 0; ;) {
    const rows: { seq: number; body: string; at: string }[] = await db.selectFrom('facts').select(['seq', 'body', 'at']).where('seq', '>', after).orderBy('seq').limit(2_000).execute()
    if (rows.length === 0) break
    for (const row of rows) await db.updateTable('facts').set(factDimensions(JSON.parse(row.body), row.at)).where('seq', '=', row.seq).execute()
    after = Number(rows.at(-1)?.seq)
  }
  await db.schema.createIndex('facts_event_kind_day').on('facts').columns(['event_id', 'kind', 'local_day']).execute()
  // Exports page through facts in sequence order: without these each page would sort them all again.
  await db.schema.createIndex('facts_event_kind_seq').on('facts').columns(['event_id', 'kind', 'seq']).execute()
  await db.schema.createIndex('facts_kind_seq').on('facts').columns(['kind', 'seq']).execute()

  // Events: what dashboards filter and count by.
  for (const name of ['setting', 'occasion', 'start_date', 'end_date']) await db.schema.alterTable('events').addColumn(name, 'text').execute()
  const events: { id: string; body: string }[] = await db.selectFrom('events').select(['id', 'body']).execute()
  for (const event of events) await db.updateTable('events').set(eventColumns(JSON.parse(event.body))).where('id', '=', event.id).execute()
  await db.schema.createIndex('events_dates').on('events').columns(['start_date', 'end_date']).execute()

  // Contacts counted per combination of dimensions, kept in step by every push (like the
  // tablet's day counters): a dashboard reads a few hundred rows instead of every fact.
  await db.schema
    .createTable('contact_counts')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('local_day', 'text', (c) => c.notNull())
    .addColumn('local_hour', 'integer', (c) => c.notNull())
    // '' rather than null for a missing attribute: a unique key never matches nulls on PostgreSQL.
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('interaction_type', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('contacts', 'integer', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addUniqueConstraint('contact_counts_key', ['event_id', 'local_day', 'local_hour', 'topic', 'interaction_type', 'age_band', 'audience', 'language'])
    .execute()
  const coalesce = (column: string) => sql<string>`coalesce(${sql.ref(`f.${column}`)}, '')`
  await db.insertInto('contact_counts').columns(['event_id', 'local_day', 'local_hour', 'topic', 'interaction_type', 'age_band', 'audience', 'language', 'contacts', 'people'])
    .expression(db.selectFrom('facts as f')
      .select(['f.event_id', 'f.local_day', 'f.local_hour', coalesce('topic').as('topic'), coalesce('interaction_type').as('it'), coalesce('age_band').as('ab'),
        coalesce('audience').as('au'), coalesce('language').as('la'), (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('f.group_size').as('p')])
      .where('f.kind', '=', 'interaction')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('facts as v').select('v.seq').whereRef('v.target_id', '=', 'f.id'))))
      .groupBy(['f.event_id', 'f.local_day', 'f.local_hour', 'f.topic', 'f.interaction_type', 'f.age_band', 'f.audience', 'f.language']))
    .execute()
}
