import type { Kysely, Transaction } from 'kysely'
import type { AccountRow } from '../db/accounts.table.js'
import type { Database } from '../db/database.table.js'

type Db = Kysely<Database> | Transaction<Database>

export async function countAccounts(db: Db): Promise<number> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertAccount(db: Db, account: AccountRow): Promise<boolean> {
  const result = await db.insertInto('accounts').values(account).onConflict((oc) => oc.column('username').doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export function findAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst()
}

export async function updatePasswordHash(db: Db, accountId: string, passwordHash: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', accountId).execute()
}

/** Ends every session of an account but one (after a password change). */
export async function deleteOtherSessions(db: Db, accountId: string, keepTokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).where('token_hash', '!=', keepTokenHash).execute()
}

export function listAccounts(db: Db): Promise<Omit<AccountRow, 'password_hash'>[]> {
  return db.selectFrom('accounts').select(['id', 'username', 'created_at']).orderBy('username').execute()
}

export async function insertSession(
  db: Db,
  session: { token_hash: string; account_id: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('sessions').values(session).execute()
}

/** The live session behind a cookie, or undefined when unknown or expired. */
export function findSession(db: Db, tokenHash: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select(['accounts.id as accountId', 'accounts.username', 'sessions.expires_at as expiresAt'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', nowIso)
    .executeTakeFirst()
}

export async function deleteSession(db: Db, tokenHash: string, nowIso: string): Promise<void> {
  // Expired sessions of anyone are swept here too: logout is frequent enough to keep the table small.
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('token_hash', '=', tokenHash), eb('expires_at', '<=', nowIso)])).execute()
}
