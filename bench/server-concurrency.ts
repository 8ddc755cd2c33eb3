/**
 * Many tablets at once against the real server in its own process(es). Prints figures only.
 * 1. Burst: 50 tablets push one 50-fact batch at the same moment, 5 rounds — latency at the
 *    client and inside the server, errors (budget: p99 ≤ 300 ms, zero errors, one process).
 * 2. Scale-out: PostgreSQL, 1 then 2 worker processes (WEB_CONCURRENCY), 50 tablets pushing
 *    250-fact batches back to back — throughput, median of 3 alternating runs (budget ≥ 1.6×).
 * Run: npx tsx bench/server-concurrency.ts
 */
import { availableParallelism } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import { DEMO_EVENT_ID } from '../src/shared/demo-event.js'
import { PG_URL, onPostgresIfReachable } from './postgres.js'
import { spawnServer, type ServerProcess } from './server-process.js'
import { median, percentile } from './stats.js'
import { countCpu } from './support/cpu-share.js'

const TABLETS = 50
const json = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }
type Tablet = { deviceId: string; token: string }

async function enrolTablets(url: string): Promise<Tablet[]> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: 'bench password' }) })
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const tablets = []
  for (let i = 0; i < TABLETS; i++) {
    const { code } = (await (await fetch(`${url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...json, cookie }, body: '{}' })).json()) as { code: string }
    const res = await fetch(`${url}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code, deviceId: uuidv7() }) })
    tablets.push((await res.json()) as Tablet)
  }
  return tablets
}

function batch(deviceId: string, facts: number): string {
  return JSON.stringify({
    facts: Array.from({ length: facts }, () => ({
      id: uuidv7(), eventId: DEMO_EVENT_ID, deviceId, at: new Date().toISOString(), schemaVersion: 1,
      kind: 'interaction', payload: { topic: 'nutrition', groupSize: 1 },
    })),
  })
}

/** Each tablet sends its bodies one after another, all tablets at once; bodies are built beforehand. */
async function pushAll(url: string, tablets: Tablet[], bodies: string[][]) {
  const latencies: number[] = []
  let errors = 0
  const start = performance.now()
  await Promise.all(tablets.map(async (t, i) => {
    for (const body of bodies[i] ?? []) {
      const sent = performance.now()
      const res = await fetch(`${url}/api/v1/push`, { method: 'POST', headers: { ...json, authorization: `Bearer ${t.token}` }, body })
      const answer = (await res.json()) as { results?: { status: string }[] }
      latencies.push(performance.now() - sent)
      if (res.status !== 200 || answer.results?.some((r) => r.status !== 'accepted')) errors++
    }
  }))
  return { latencies, errors, seconds: (performance.now() - start) / 1000 }
}

async function withServer<T>(env: Record<string, string>, run: (server: ServerProcess, tablets: Tablet[]) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'corner-bench-'))
  const schema = env.DATABASE_URL ? `bench_conc_${process.pid}_${Date.now()}` : ''
  const server = await spawnServer({
    DATA_DIR: dataDir, STATIC_ROOT: dataDir, ADMIN_PASSWORD: 'bench password', RATE_LIMIT_PUBLIC_PER_MINUTE: '10000',
    RATE_LIMIT_DEVICE_PER_MINUTE: '100000', ...(schema ? { PG_SCHEMA: schema } : {}), ...env,
  })
  try {
    const tablets = await enrolTablets(server.url)
    // Warm-up (JIT, statement caches, pool), as a server that has been running a while would be.
    await pushAll(server.url, tablets, tablets.map((t) => [batch(t.deviceId, 50)]))
    return await run(server, tablets)
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
    if (schema) {
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`drop schema if exists "${schema}" cascade`)
      await client.end()
    }
  }
}

async function burst(name: string, env: Record<string, string>): Promise<void> {
  await withServer(env, async (server, tablets) => {
    const latencies: number[] = []
    let errors = 0
    const offset = server.output().length
    for (let round = 0; round < 5; round++) {
      const result = await pushAll(server.url, tablets, tablets.map((t) => [batch(t.deviceId, 50)]))
      latencies.push(...result.latencies)
      errors += result.errors
    }
    const inServer = server.output().slice(offset).split('\n').filter((l) => l.includes('"responseTime"'))
      .map((l) => (JSON.parse(l) as { responseTime: number }).responseTime)
    const ms = (xs: number[], p: number) => `${percentile(xs, p).toFixed(0)} ms`
    console.log(`\n${name}: ${TABLETS} tablets × 1 batch of 50 facts at once, 5 rounds (${latencies.length} pushes)`)
    console.log(`  at client  p50 ${ms(latencies, 50)}   p95 ${ms(latencies, 95)}   p99 ${ms(latencies, 99)}   (budget p99 ≤ 300 ms)   errors ${errors}`)
    console.log(`  in server  p50 ${ms(inServer, 50)}   p95 ${ms(inServer, 95)}   p99 ${ms(inServer, 99)}`)
  })
}

async function throughput(workers: number): Promise<number> {
  return withServer({ DATABASE_URL: PG_URL, WEB_CONCURRENCY: String(workers) }, async (server, tablets) => {
    const bodies = tablets.map((t) => Array.from({ length: 6 }, () => batch(t.deviceId, 250)))
    const cpu = countCpu(server.pid)
    const { seconds, errors } = await pushAll(server.url, tablets, bodies)
    if (errors) throw new Error(`${errors} failed pushes`)
    const rate = (TABLETS * 6 * 250) / seconds
    const busy = cpu?.()
    // Cores each side kept busy: when they add up to the machine, a second worker has nothing to run on.
    const shares = busy
      ? `cores busy: server ${busy.server.toFixed(2)}, PostgreSQL ${busy.postgres.toFixed(2)}, load generator ${busy.generator.toFixed(2)} (of ${availableParallelism()}); server CPU ${((busy.server / rate) * 1e6).toFixed(0)} µs per fact`
      : 'cores busy: not read (no /proc)'
    console.log(`  ${workers} process${workers > 1 ? 'es' : ''}: ${Math.round(rate).toLocaleString('en-US')} facts/s; ${shares}`)
    return rate
  })
}

console.log(`machine: ${availableParallelism()} cores; the load generator runs on the same cores as the server`)
await burst('SQLite, one process', {})
await onPostgresIfReachable(async () => {
  await burst('PostgreSQL, one process', { DATABASE_URL: PG_URL })
  const one: number[] = []
  const two: number[] = []
  for (let run = 0; run < 3; run++) {
    one.push(await throughput(1))
    two.push(await throughput(2))
  }
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US')
  console.log(`\nPostgreSQL scale-out: ${TABLETS} tablets × 6 batches of 250 facts, back to back (3 runs each, alternating)`)
  console.log(`  1 process   ${one.map(fmt).join(', ')} facts/s   median ${fmt(median(one))}`)
  console.log(`  2 processes ${two.map(fmt).join(', ')} facts/s   median ${fmt(median(two))}`)
  console.log(`  ratio 2/1   ${(median(two) / median(one)).toFixed(2)}×   (budget ≥ 1.6×)`)
})
