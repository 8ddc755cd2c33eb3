import type { Db } from '../db/database.table.js'

export async function recordLoginFailure(db: Db, failure: { username: string; source: string; at: string }): Promise<void> {
  await db.insertInto('login_failures').values(failure).execute()
}

/** Failures for a username since a moment: from one source when `source` is given, else from all. */
export async function countLoginFailures(db: Db, username: string, sinceIso: string, source?: string): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', '=', username)
    .where('at', '>', sinceIso)
    .$if(source !== undefined, (q) => q.where('source', '=', source ?? ''))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function clearLoginFailures(db: Db, username: string, source: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', username).where('source', '=', source).execute()
}

export async function sweepLoginFailures(db: Db, beforeIso: string): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<=', beforeIso).execute()
}
