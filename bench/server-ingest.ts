/**
 * Server ingest: facts/s over HTTP (500-fact pushes from one tablet to the real server in its
 * own process), and the query layer (kysely) against the raw driver inserting the very same
 * rows into fresh tables. Prints figures only; never fails on time.
 * Run: npx tsx bench/server-ingest.ts   (PostgreSQL too when DATABASE_URL or 127.0.0.1:5432 answers)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import { factDimensions } from '../src/server/db/fact-dimensions.js'
import type { NewFactRow } from '../src/server/db/facts.table.js'
import { migrateToLatest } from '../src/server/db/migrate.js'
import { openDatabase } from '../src/server/db/open-database.js'
import { FACT_COLUMNS, insertNewFacts } from '../src/server/sync/facts-repository.js'
import { canonicalJson } from '../src/server/sync/canonical-json.js'
import type { Fact } from '../src/shared/records.js'
import { PG_URL, onPostgresIfReachable } from './postgres.js'
import { spawnServer } from './server-process.js'
import { BATCH, BATCHES, enrol, fmt, httpRun, makeBatches, median, rate } from './support/ingest-client.js'

const RUNS = 5
const COLUMNS = FACT_COLUMNS
/** The raw side's values, built the way the repository builds them (one loop, no per-row arrays). */
function valuesOf(rows: NewFactRow[]): unknown[] {
  const values: unknown[] = []
  for (const row of rows) for (const column of COLUMNS) values.push(row[column] ?? null)
  return values
}

function rowsOf(batches: Fact[][]): NewFactRow[][] {
  const now = new Date().toISOString()
  return batches.map((facts) => facts.map((f) => ({
    id: f.id, event_id: f.eventId, device_id: f.deviceId, kind: f.kind, topic: f.kind === 'interaction' ? f.payload.topic : null,
    target_id: null, survey_id: null, ...factDimensions(f, f.at), at: f.at, received_at: now, body: canonicalJson(f),
  })))
}

/** Kysely (the server's own repository function) vs the raw driver, same rows, one transaction per batch. */
async function queryLayerRuns(dialect: 'sqlite' | 'postgres', dir: string, schema: string): Promise<[number, number]> {
  const batches = rowsOf(makeBatches(uuidv7()))
  const viaKysely = await openDatabase({ dataDir: join(dir, 'kysely'), ...(dialect === 'postgres' ? { databaseUrl: PG_URL, pgSchema: `${schema}_k` } : {}) })
  await migrateToLatest(viaKysely)
  let start = performance.now()
  for (const rows of batches) await viaKysely.db.transaction().execute((trx) => insertNewFacts(trx, rows))
  const kysely = rate(start)
  await viaKysely.close()

  const rawTarget = await openDatabase({ dataDir: join(dir, 'raw'), ...(dialect === 'postgres' ? { databaseUrl: PG_URL, pgSchema: `${schema}_r` } : {}) })
  await migrateToLatest(rawTarget)
  await rawTarget.close()
  if (dialect === 'sqlite') {
    const db = new SQLite(join(dir, 'raw', 'corner.sqlite'))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    const placeholders = Array.from({ length: BATCH }, () => `(${COLUMNS.map(() => '?').join(',')})`).join(',')
    // As the repository does on SQLite: no RETURNING, the count of rows added says whether all were new.
    const insert = db.prepare(`insert into facts (${COLUMNS.join(',')}) values ${placeholders} on conflict (id) do nothing`)
    start = performance.now()
    for (const rows of batches) {
      db.transaction(() => {
        if (insert.run(valuesOf(rows)).changes !== rows.length) throw new Error('raw insert: some rows were not new')
      })()
    }
    const raw = rate(start)
    db.close()
    return [kysely, raw]
  }
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}_r` })
  await client.connect()
  const placeholders = Array.from({ length: BATCH }, (_, r) => `(${COLUMNS.map((_c, c) => `$${r * COLUMNS.length + c + 1}`).join(',')})`).join(',')
  const text = `insert into facts (${COLUMNS.join(',')}) values ${placeholders} on conflict (id) do nothing returning id`
  start = performance.now()
  for (const rows of batches) {
    await client.query('begin')
    await client.query(text, valuesOf(rows))
    await client.query('commit')
  }
  const raw = rate(start)
  await client.end()
  return [kysely, raw]
}

async function dropSchemas(prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where nspname like $1', [`${prefix}%`])
  for (const { nspname } of rows) await client.query(`drop schema "${nspname}" cascade`)
  await client.end()
}

async function bench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'corner-bench-'))
  const schema = `bench_${process.pid}`
  const server = await spawnServer({
    DATA_DIR: join(dir, 'server'), STATIC_ROOT: dir, ADMIN_PASSWORD: 'bench password', RATE_LIMIT_DEVICE_PER_MINUTE: '100000',
    ...(dialect === 'postgres' ? { DATABASE_URL: PG_URL, PG_SCHEMA: schema } : {}),
  })
  try {
    const device = await enrol(server.url)
    await httpRun(server.url, device) // warm-up: JIT, statement caches, file growth
    const http: number[] = []
    const kysely: number[] = []
    const raw: number[] = []
    for (let run = 0; run < RUNS; run++) {
      http.push(await httpRun(server.url, device))
      const [k, r] = await queryLayerRuns(dialect, join(dir, `run${run}`), `${schema}_${run}`)
      kysely.push(k)
      raw.push(r)
    }
    const [h, k, r] = [median(http), median(kysely), median(raw)]
    console.log(`\n${dialect}: ${RUNS} runs × ${BATCHES} batches × ${BATCH} facts (medians; runs: HTTP ${http.map(fmt).join(' / ')})`)
    console.log(`  HTTP push, full path      ${fmt(h).padStart(8)} facts/s   (budget on SQLite ≥ 40,000)`)
    console.log(`  kysely insert, same rows  ${fmt(k).padStart(8)} facts/s`)
    console.log(`  raw driver, same rows     ${fmt(r).padStart(8)} facts/s`)
    console.log(`  kysely / raw              ${((k / r) * 100).toFixed(0).padStart(7)} %        (budget ≥ 60 %)`)
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
    if (dialect === 'postgres') await dropSchemas(schema)
  }
}

await bench('sqlite')
await onPostgresIfReachable(() => bench('postgres'))
