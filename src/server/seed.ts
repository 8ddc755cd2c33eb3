import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { demoEvent } from '../shared/demo-event.js'
import { demoKit } from '../shared/demo-kit.js'
import type { AppOptions } from './app-options.js'
import { hashPassword, newPassword } from './auth/secrets.js'
import type { Database } from './db/database.table.js'
import { countAccounts, insertAccount } from './repos/accounts.js'
import { findEvent, insertEvent, insertKit, kitExists, nextDocumentVersion } from './repos/documents.js'
import { canonicalJson } from './sync/canonical-json.js'

/** First start only: one coordinator, with a generated password unless ADMIN_PASSWORD gave one. */
export async function ensureAdmin(db: Kysely<Database>, options: AppOptions, now: Date): Promise<void> {
  if ((await countAccounts(db)) > 0) return
  const username = options.admin?.username ?? 'admin'
  const password = options.admin?.password ?? newPassword()
  const inserted = await insertAccount(db, { id: uuidv7(), username, password_hash: await hashPassword(password), created_at: now.toISOString() })
  // Another instance starting at the same moment may have won the race: then it printed the password.
  if (inserted) options.onAdminCreated?.({ username, password, generated: options.admin?.password === undefined })
}

/** The demo kit and event, so the first screen is useful; idempotent, never overwrites edits. */
export async function seedDemoDocuments(db: Kysely<Database>, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString()
    if (!(await kitExists(trx, demoKit.id))) {
      const version = await nextDocumentVersion(trx)
      await insertKit(trx, { id: demoKit.id, version, body: canonicalJson({ ...demoKit, version: undefined }), updated_at: nowIso })
    }
    const event = demoEvent(now)
    if (!(await findEvent(trx, event.id))) {
      const version = await nextDocumentVersion(trx)
      await insertEvent(trx, {
        id: event.id, version, kit_id: event.kitId, status: event.status, body: canonicalJson({ ...event, version: undefined }),
        pushed_body: null, pushed_by: null, updated_at: nowIso,
      })
    }
  })
}
