/**
 * Server ingest: facts/s over HTTP (500-fact pushes, one tablet), and the query layer (kysely)
 * against the raw driver inserting the same rows. Prints figures only; never fails on time.
 * Run: npx tsx bench/server-ingest.ts   (PostgreSQL too when DATABASE_URL or 127.0.0.1:5432 answers)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import type { NewFactRow } from '../src/server/db/facts.table.js'
import { insertNewFacts } from '../src/server/repos/facts.js'
import { startServer, type RunningServer } from '../src/server/start-server.js'
import { canonicalJson } from '../src/server/sync/canonical-json.js'
import { DEMO_EVENT_ID } from '../src/shared/demo-event.js'
import type { Fact } from '../src/shared/records.js'

const BATCH = 500
const BATCHES = 40
const RUNS = 5
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

function makeBatches(deviceId: string): Fact[][] {
  return Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, (_, i): Fact => ({
    id: uuidv7(), eventId: DEMO_EVENT_ID, deviceId, at: new Date().toISOString(), schemaVersion: 1,
    kind: 'interaction', payload: { topic: 'smoking', groupSize: 1 + (i % 3), ageBand: '30-49', language: 'it' },
  })))
}

async function enrol(url: string): Promise<{ deviceId: string; token: string }> {
  const headers = { 'content-type': 'application/json' }
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: 'admin', password: 'bench password' }) })
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const code = (await (await fetch(`${url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...headers, cookie }, body: '{}' })).json()) as { code: string }
  const deviceId = uuidv7()
  const res = await fetch(`${url}/api/v1/enrol`, { method: 'POST', headers, body: JSON.stringify({ code: code.code, deviceId }) })
  return (await res.json()) as { deviceId: string; token: string }
}

/** Sequential pushes, as one tablet's syncer does them. Bodies are serialised before the clock starts. */
async function httpRun(server: RunningServer, device: { deviceId: string; token: string }): Promise<number> {
  const bodies = makeBatches(device.deviceId).map((facts) => JSON.stringify({ facts }))
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${device.token}` }
  const start = performance.now()
  for (const body of bodies) {
    const res = await fetch(`${server.url}/api/v1/push`, { method: 'POST', headers, body })
    const json = (await res.json()) as { results: { status: string }[] }
    if (res.status !== 200 || json.results.some((r) => r.status !== 'accepted')) throw new Error(`push failed: ${res.status}`)
  }
  return (BATCH * BATCHES) / ((performance.now() - start) / 1000)
}

function rowsOf(batches: Fact[][]): NewFactRow[][] {
  const now = new Date().toISOString()
  return batches.map((facts) => facts.map((f) => ({
    id: f.id, event_id: f.eventId, device_id: f.deviceId, kind: f.kind, topic: f.kind === 'interaction' ? f.payload.topic : null,
    target_id: null, at: f.at, received_at: now, body: canonicalJson(f),
  })))
}

const COLUMNS = ['id', 'event_id', 'device_id', 'kind', 'topic', 'target_id', 'at', 'received_at', 'body'] as const
const valuesOf = (rows: NewFactRow[]) => rows.flatMap((r) => COLUMNS.map((c) => r[c] ?? null))

async function kyselyRun(server: RunningServer): Promise<number> {
  const batches = rowsOf(makeBatches(uuidv7()))
  const start = performance.now()
  for (const rows of batches) await server.app.db.transaction().execute((trx) => insertNewFacts(trx, rows))
  return (BATCH * BATCHES) / ((performance.now() - start) / 1000)
}

function rawSqliteRun(file: string): number {
  const db = new SQLite(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  const placeholders = Array.from({ length: BATCH }, () => `(${COLUMNS.map(() => '?').join(',')})`).join(',')
  const insert = db.prepare(`insert into facts (${COLUMNS.join(',')}) values ${placeholders} on conflict (id) do nothing returning id`)
  const batches = rowsOf(makeBatches(uuidv7()))
  const start = performance.now()
  for (const rows of batches) db.transaction(() => insert.all(valuesOf(rows)))()
  const rate = (BATCH * BATCHES) / ((performance.now() - start) / 1000)
  db.close()
  return rate
}

async function rawPgRun(schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` })
  await client.connect()
  const placeholders = Array.from({ length: BATCH }, (_, r) => `(${COLUMNS.map((_c, c) => `$${r * COLUMNS.length + c + 1}`).join(',')})`).join(',')
  const text = `insert into facts (${COLUMNS.join(',')}) values ${placeholders} on conflict (id) do nothing returning id`
  const batches = rowsOf(makeBatches(uuidv7()))
  const start = performance.now()
  for (const rows of batches) {
    await client.query('begin')
    await client.query(text, valuesOf(rows))
    await client.query('commit')
  }
  const rate = (BATCH * BATCHES) / ((performance.now() - start) / 1000)
  await client.end()
  return rate
}

async function bench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'corner-bench-'))
  const schema = `bench_${process.pid}`
  const server = await startServer({
    port: 0, dataDir, staticRoot: false, admin: { password: 'bench password' }, rateLimits: { devicePerMinute: 100_000 },
    ...(dialect === 'postgres' ? { databaseUrl: PG_URL, pgSchema: schema } : {}),
  })
  try {
    const device = await enrol(server.url)
    await httpRun(server, device) // warm-up: JIT, statement caches, file growth
    const http: number[] = []
    const kysely: number[] = []
    const raw: number[] = []
    for (let run = 0; run < RUNS; run++) {
      http.push(await httpRun(server, device))
      kysely.push(await kyselyRun(server))
      raw.push(dialect === 'sqlite' ? rawSqliteRun(join(dataDir, 'corner.sqlite')) : await rawPgRun(schema))
    }
    const [h, k, r] = [median(http), median(kysely), median(raw)]
    console.log(`\n${dialect}: ${RUNS} runs × ${BATCHES} batches × ${BATCH} facts (medians)`)
    console.log(`  HTTP push, full path      ${fmt(h).padStart(8)} facts/s   (budget on SQLite ≥ 40,000)`)
    console.log(`  kysely insert, same rows  ${fmt(k).padStart(8)} facts/s`)
    console.log(`  raw driver, same rows     ${fmt(r).padStart(8)} facts/s`)
    console.log(`  kysely / raw              ${((k / r) * 100).toFixed(0).padStart(7)} %        (budget ≥ 60 %)`)
    console.log(`  HTTP / raw                ${((h / r) * 100).toFixed(0).padStart(7)} %`)
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
    if (dialect === 'postgres') {
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`drop schema if exists "${schema}" cascade`)
      await client.end()
    }
  }
}

await bench('sqlite')
const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
try {
  await probe.connect()
  await probe.end()
  await bench('postgres')
} catch (error) {
  console.log(`\npostgres: skipped (${error instanceof Error ? error.message : String(error)})`)
}
