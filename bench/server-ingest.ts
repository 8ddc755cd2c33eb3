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
import { DEMO_EVENT_ID } from '../src/shared/demo-event.js'
import type { Fact } from '../src/shared/records.js'
import { PG_URL, onPostgresIfReachable } from './postgres.js'
import { spawnServer } from './server-process.js'

const BATCH = 500
const BATCHES = 40
const RUNS = 5
const COLUMNS = FACT_COLUMNS
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const rate = (start: number) => (BATCH * BATCHES) / ((performance.now() - start) / 1000)

function makeBatches(deviceId: string): Fact[][] {
  return Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, (_, i): Fact => ({
    id: uuidv7(), eventId: DEMO_EVENT_ID, deviceId, at: new Date().toISOString(), schemaVersion: 1,
    kind: 'interaction', payload: { topic: 'smoking', groupSize: 1 + (i % 3), ageBand: '30-49', language: 'it' },
  })))
}

function rowsOf(batches: Fact[][]): NewFactRow[][] {
  const now = new Date().toISOString()
  return batches.map((facts) => facts.map((f) => ({
    id: f.id, event_id: f.eventId, device_id: f.deviceId, kind: f.kind, topic: f.kind === 'interaction' ? f.payload.topic : null,
    target_id: null, survey_id: null, ...factDimensions(f, f.at), at: f.at, received_at: now, body: canonicalJson(f),
  })))
}
const valuesOf = (rows: NewFactRow[]) => rows.flatMap((r) => COLUMNS.map((c) => r[c] ?? null))

async function enrol(url: string): Promise<{ deviceId: string; token: string }> {
  const headers = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: 'admin', password: 'bench password' }) })
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const { code } = (await (await fetch(`${url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...headers, cookie }, body: '{}' })).json()) as { code: string }
  const res = await fetch(`${url}/api/v1/enrol`, { method: 'POST', headers, body: JSON.stringify({ code, deviceId: uuidv7() }) })
  return (await res.json()) as { deviceId: string; token: string }
}

/** Sequential pushes, as one tablet's syncer makes them; bodies serialised before the clock starts. */
async function httpRun(url: string, device: { deviceId: string; token: string }): Promise<number> {
  const bodies = makeBatches(device.deviceId).map((facts) => JSON.stringify({ facts }))
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${device.token}` }
  const start = performance.now()
  for (const body of bodies) {
    const res = await fetch(`${url}/api/v1/push`, { method: 'POST', headers, body })
    const json = (await res.json()) as { results: { status: string }[] }
    if (res.status !== 200 || json.results.some((r) => r.status !== 'accepted')) throw new Error(`push failed: ${res.status}`)
  }
  return rate(start)
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
