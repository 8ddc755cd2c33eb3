import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/** Social contents, their tracked codes per event, and anonymous counts (no address, no agent, no cookie). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('contents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('contents_version').on('contents').column('version').execute()
  await db.schema
    .createTable('content_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('content_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('content_codes_event_content', ['event_id', 'content_id'])
    .execute()
  await db.schema
    .createTable('link_counts')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('content_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('link_counts_pk', ['event_id', 'content_id', 'day', 'language', 'kind'])
    .execute()
}
