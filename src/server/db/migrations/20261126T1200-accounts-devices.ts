import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/** Account disabling, the login throttle, device-bound enrolment codes, pull paging by version. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('disabled_at', 'text').execute()
  await db.schema
    .createTable('login_failures')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('login_failures_username_at').on('login_failures').columns(['username', 'at']).execute()
  await db.schema.alterTable('enrolment_codes').addColumn('device_id', 'text').execute()
  // The open-events cap counts a device's pushed events.
  await db.schema.createIndex('events_pushed_by').on('events').columns(['pushed_by', 'status']).execute()
  await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute()
}
