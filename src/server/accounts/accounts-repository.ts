import type { AccountRow } from '../db/accounts.table.js'
import type { Db } from '../db/database.table.js'

export async function countAccounts(db: Db): Promise<number> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countEnabledAccounts(db: Db): Promise<number> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('disabled_at', 'is', null).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** False when the username is taken (also when another instance inserted it a moment ago). */
export async function insertAccount(db: Db, account: Omit<AccountRow, 'disabled_at'>): Promise<boolean> {
  const result = await db
    .insertInto('accounts')
    .values({ ...account, disabled_at: null })
    .onConflict((oc) => oc.column('username').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export function findAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst()
}

export function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updatePasswordHash(db: Db, accountId: string, passwordHash: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', accountId).execute()
}

export async function setAccountDisabled(db: Db, accountId: string, disabledAt: string | null): Promise<void> {
  await db.updateTable('accounts').set({ disabled_at: disabledAt }).where('id', '=', accountId).execute()
}

export function listAccounts(db: Db): Promise<Omit<AccountRow, 'password_hash'>[]> {
  return db.selectFrom('accounts').select(['id', 'username', 'created_at', 'disabled_at']).orderBy('username').execute()
}
