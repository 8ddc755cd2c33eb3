import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/database.table.js'

type Db = Kysely<Database> | Transaction<Database>

export async function insertEnrolmentCode(
  db: Db,
  code: { code_hash: string; label: string | null; created_by: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('enrolment_codes').values({ ...code, used_at: null, used_by: null }).execute()
}

/**
 * Marks a code used in one conditional update, so two tablets racing with the same code
 * cannot both win. Returns the code's label, or undefined when unknown, used or expired.
 */
export async function consumeEnrolmentCode(
  db: Db,
  codeHash: string,
  deviceId: string,
  nowIso: string,
): Promise<{ label: string | null } | undefined> {
  const result = await db
    .updateTable('enrolment_codes')
    .set({ used_at: nowIso, used_by: deviceId })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return undefined
  return db.selectFrom('enrolment_codes').select('label').where('code_hash', '=', codeHash).executeTakeFirst()
}
