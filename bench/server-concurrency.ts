/**
 * 50 tablets pushing at once: per-batch latency (p50/p95/p99) and error count, SQLite then
 * PostgreSQL when reachable; the server runs in its own process. Prints figures only
 * (budget: p99 ≤ 500 ms, zero errors).
 * Run: npx tsx bench/server-concurrency.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import { DEMO_EVENT_ID } from '../src/shared/demo-event.js'
import { PG_URL, onPostgresIfReachable } from './postgres.js'
import { spawnServer } from './server-process.js'

const TABLETS = 50
const BATCHES_PER_TABLET = 4
const FACTS_PER_BATCH = 250
const json = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0

async function enrolTablets(url: string): Promise<{ deviceId: string; token: string }[]> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: 'bench password' }) })
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const tablets = []
  for (let i = 0; i < TABLETS; i++) {
    const { code } = (await (await fetch(`${url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...json, cookie }, body: '{}' })).json()) as { code: string }
    const res = await fetch(`${url}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code, deviceId: uuidv7() }) })
    tablets.push((await res.json()) as { deviceId: string; token: string })
  }
  return tablets
}

function body(deviceId: string): string {
  const facts = Array.from({ length: FACTS_PER_BATCH }, () => ({
    id: uuidv7(), eventId: DEMO_EVENT_ID, deviceId, at: new Date().toISOString(), schemaVersion: 1,
    kind: 'interaction', payload: { topic: 'nutrition', groupSize: 1 },
  }))
  return JSON.stringify({ facts })
}

async function bench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'corner-bench-'))
  const schema = `bench_conc_${process.pid}`
  const server = await spawnServer({
    DATA_DIR: dataDir, STATIC_ROOT: dataDir, ADMIN_PASSWORD: 'bench password', RATE_LIMIT_PUBLIC_PER_MINUTE: '1000',
    ...(dialect === 'postgres' ? { DATABASE_URL: PG_URL, PG_SCHEMA: schema } : {}),
  })
  try {
    const tablets = await enrolTablets(server.url)
    // Warm-up (JIT, statement caches), as a server that has been running a while would be.
    for (const t of tablets.slice(0, 5)) {
      await fetch(`${server.url}/api/v1/push`, { method: 'POST', headers: { ...json, authorization: `Bearer ${t.token}` }, body: body(t.deviceId) })
    }
    // Bodies are built first: building them inside the timed loop would stall the other tablets.
    const bodies = tablets.map((t) => Array.from({ length: BATCHES_PER_TABLET }, () => body(t.deviceId)))
    const latencies: number[] = []
    const logOffset = server.output().length
    let errors = 0
    const start = performance.now()
    await Promise.all(tablets.map(async (t, i) => {
      const headers = { ...json, authorization: `Bearer ${t.token}`, 'x-queued-count': String(FACTS_PER_BATCH * BATCHES_PER_TABLET) }
      for (let b = 0; b < BATCHES_PER_TABLET; b++) {
        const payload = bodies[i]?.[b] ?? ''
        const sent = performance.now()
        const res = await fetch(`${server.url}/api/v1/push`, { method: 'POST', headers, body: payload })
        const result = (await res.json()) as { results?: { status: string }[] }
        latencies.push(performance.now() - sent)
        if (res.status !== 200 || result.results?.some((r) => r.status !== 'accepted')) errors++
      }
    }))
    const seconds = (performance.now() - start) / 1000
    const total = TABLETS * BATCHES_PER_TABLET * FACTS_PER_BATCH
    console.log(`\n${dialect}: ${TABLETS} tablets × ${BATCHES_PER_TABLET} batches × ${FACTS_PER_BATCH} facts, all at once`)
    console.log(`  at client  p50 ${pct(latencies, 50).toFixed(0)} ms   p95 ${pct(latencies, 95).toFixed(0)} ms   p99 ${pct(latencies, 99).toFixed(0)} ms   (budget p99 ≤ 500 ms)`)
    // Time inside the server (from the request's headers to its response), from its own log:
    // the gap to the figures above is the load generator, one process playing 50 tablets.
    const serverSide = server.output().slice(logOffset).split('\n').filter((l) => l.includes('"responseTime"'))
      .map((l) => (JSON.parse(l) as { responseTime: number }).responseTime)
    console.log(`  in server  p50 ${pct(serverSide, 50).toFixed(0)} ms   p95 ${pct(serverSide, 95).toFixed(0)} ms   p99 ${pct(serverSide, 99).toFixed(0)} ms   (${serverSide.length} requests)`)
    console.log(`  errors     ${errors}   throughput ${Math.round(total / seconds).toLocaleString('en-US')} facts/s`)
  } finally {
    await server.stop()
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
await onPostgresIfReachable(() => bench('postgres'))
