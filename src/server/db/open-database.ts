import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './database.table.js'
import { FifoSqliteDialect } from './fifo-sqlite-dialect.js'
import { acquireLockFile } from './lock-file.js'
import { withStatementCache } from './statement-cache.js'

export type DialectName = 'sqlite' | 'postgres'

export interface OpenDatabaseOptions {
  /** PostgreSQL when set (postgres:// or postgresql://), otherwise SQLite under dataDir. */
  databaseUrl?: string
  dataDir: string
  /** PostgreSQL schema of our tables (created if missing). Default: see defaultPgSchema. */
  pgSchema?: string
}

export interface OpenedDatabase {
  db: Kysely<Database>
  dialect: DialectName
  pgSchema?: string
  /** Closes the pool or file and releases the data directory's lock. */
  close: () => Promise<void>
}

const INT8_OID = 20
export const DEFAULT_PG_SCHEMA = 'corner'

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.pgSchema ?? (await defaultPgSchema(options.databaseUrl)))
  mkdirSync(options.dataDir, { recursive: true })
  const release = acquireLockFile(join(options.dataDir, 'corner.lock'))
  try {
    const sqlite = new SQLite(join(options.dataDir, 'corner.sqlite'))
    sqlite.pragma('journal_mode = WAL')
    // FULL: a push acknowledged to a tablet must survive a power cut (reliability promise 2).
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('busy_timeout = 5000')
    const db = new Kysely<Database>({ dialect: new FifoSqliteDialect({ database: withStatementCache(sqlite) }) })
    return { db, dialect: 'sqlite', close: async () => { await db.destroy(); release() } }
  } catch (error) {
    release()
    throw error
  }
}

/**
 * Our own schema, so the database can be shared with other apps (their `events` or
 * `kysely_migration` tables never meet ours) — except for an install that already keeps its
 * tables in `public` (before PG_SCHEMA existed), which stays there.
 */
async function defaultPgSchema(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    const legacy = await client.query(
      `select 1 from information_schema.tables t where t.table_schema = 'public' and t.table_name = 'kysely_migration'
         and exists (select 1 from information_schema.tables f where f.table_schema = 'public' and f.table_name = 'doc_counter')`,
    )
    return legacy.rowCount ? 'public' : DEFAULT_PG_SCHEMA
  } finally {
    await client.end()
  }
}

function openPostgres(connectionString: string, pgSchema: string): OpenedDatabase {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(pgSchema)) throw new Error(`bad schema name ${pgSchema}`)
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    options: `-c search_path=${pgSchema}`,
    // bigint (count, bigserial) as a JS number: our values stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', pgSchema, close: () => db.destroy() }
}
