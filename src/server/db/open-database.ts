import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './database.table.js'
import { FifoSqliteDialect } from './fifo-sqlite-dialect.js'
import { withStatementCache } from './statement-cache.js'

export type DialectName = 'sqlite' | 'postgres'

export interface OpenDatabaseOptions {
  /** PostgreSQL when set (postgres:// or postgresql://), otherwise SQLite under dataDir. */
  databaseUrl?: string
  dataDir: string
  /** PostgreSQL schema to use (created by the migrations); lets tests isolate themselves. */
  pgSchema?: string
}

export interface OpenedDatabase {
  db: Kysely<Database>
  dialect: DialectName
  pgSchema?: string
}

const INT8_OID = 20

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.pgSchema)
  mkdirSync(options.dataDir, { recursive: true })
  const sqlite = new SQLite(join(options.dataDir, 'corner.sqlite'))
  sqlite.pragma('journal_mode = WAL')
  // FULL: a push acknowledged to a tablet must survive a power cut (reliability promise 2).
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('busy_timeout = 5000')
  return { db: new Kysely<Database>({ dialect: new FifoSqliteDialect({ database: withStatementCache(sqlite) }) }), dialect: 'sqlite' }
}

function openPostgres(connectionString: string, pgSchema?: string): OpenedDatabase {
  if (pgSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(pgSchema)) throw new Error(`bad schema name ${pgSchema}`)
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(pgSchema ? { options: `-c search_path=${pgSchema}` } : {}),
    // bigint (count, bigserial) as a JS number: our values stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', ...(pgSchema ? { pgSchema } : {}) }
}
