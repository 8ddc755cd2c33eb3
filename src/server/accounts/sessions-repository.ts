import type { Db } from '../db/database.table.js'

export async function insertSession(
  db: Db,
  session: { token_hash: string; account_id: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('sessions').values(session).execute()
}

/** The live session behind a cookie, or undefined when unknown, expired or its account disabled. */
export function findSession(db: Db, tokenHash: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select(['accounts.id as accountId', 'accounts.username', 'sessions.expires_at as expiresAt'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', nowIso)
    .where('accounts.disabled_at', 'is', null)
    .executeTakeFirst()
}

export async function deleteSession(db: Db, tokenHash: string, nowIso: string): Promise<void> {
  // Expired sessions of anyone are swept here too: logout is frequent enough to keep the table small.
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('token_hash', '=', tokenHash), eb('expires_at', '<=', nowIso)])).execute()
}

/** Ends every session of an account except `keepTokenHash` (after a password change, or all when disabling). */
export async function deleteAccountSessions(db: Db, accountId: string, keepTokenHash?: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('account_id', '=', accountId)
    .$if(keepTokenHash !== undefined, (q) => q.where('token_hash', '!=', keepTokenHash ?? ''))
    .execute()
}
