import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/** Each save or publication of a survey's draft moves `draft_version` on: a save made on an older one is refused (409), not silently lost. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('surveys').addColumn('draft_version', 'integer', (c) => c.notNull().defaultTo(0)).execute()
}
