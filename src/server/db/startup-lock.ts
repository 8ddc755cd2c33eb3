import { sql } from 'kysely'
import type { OpenedDatabase } from './open-database.js'

/**
 * Server processes starting together on one PostgreSQL schema (WEB_CONCURRENCY workers, or
 * several hosts) take turns to migrate, create the first account and seed the demo documents:
 * otherwise two of them insert the same shipped survey and one dies on the unique key. A
 * session-level advisory lock, held on one connection of the pool while the others do the work.
 * SQLite needs none: its lock file already admits one process.
 */
export async function oneStarterAtATime<T>(opened: OpenedDatabase, work: () => Promise<T>): Promise<T> {
  if (opened.dialect !== 'postgres') return work()
  const key = `corner-startup:${opened.pgSchema ?? ''}`
  return opened.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(connection)
    try {
      return await work()
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(connection)
    }
  })
}
