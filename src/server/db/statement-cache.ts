import type SQLite from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

/**
 * Kysely prepares every query afresh; a push repeats the same few statements (one of them
 * a 500-row insert), so keeping the prepared statements saves a parse per query.
 * Safe: the dialect runs one query at a time on its single connection.
 */
export function withStatementCache(db: SQLite.Database, maxStatements = 200): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => db.close(),
    prepare(sql) {
      let statement = cache.get(sql)
      if (statement) {
        cache.delete(sql) // re-inserted below: the Map's order is least recently used first
      } else {
        statement = db.prepare(sql)
        if (cache.size >= maxStatements) cache.delete(cache.keys().next().value as string)
      }
      cache.set(sql, statement)
      return statement
    },
  }
}
