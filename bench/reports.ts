/**
 * Reports over many facts, against the real server in its own process (SQLite, then PostgreSQL):
 * - dashboard figures for one event with 100,000 facts: median and p95 of 10 requests (budget ≤ 100 ms);
 * - exports of everything: time, and the server's peak memory (VmHWM) at 10,000 and 100,000
 *   facts side by side — flat memory means the export streams (CSV budget ≤ 3 s at 100,000).
 * Run: npx tsx bench/reports.ts   (SIZES=10000,100000 to choose)
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import { DEMO_EVENT_ID } from '../src/shared/demo-event.js'
import { TOPICS, AGE_BANDS } from '../src/shared/vocabularies.js'
import { PG_URL, onPostgresIfReachable } from './postgres.js'
import { spawnServer, type ServerProcess } from './server-process.js'
import { median, percentile } from './stats.js'

const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number)
const json = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }

async function session(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: 'bench password' }) })
  return (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
}

/** N taps pushed by one tablet in batches under the 500-fact limit (1 in 50 undone), as tablets send them. */
async function seed(url: string, cookie: string, count: number): Promise<void> {
  const { code } = (await (await fetch(`${url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...json, cookie }, body: '{}' })).json()) as { code: string }
  const deviceId = uuidv7()
  const { token } = (await (await fetch(`${url}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code, deviceId }) })).json()) as { token: string }
  const start = Date.parse('2026-11-20T07:00:00Z')
  for (let done = 0; done < count; done += 490) {
    const facts: object[] = []
    for (let i = done; i < Math.min(count, done + 490); i++) {
      const id = uuidv7()
      facts.push({
        id, kind: 'interaction', eventId: DEMO_EVENT_ID, deviceId, schemaVersion: 1, at: new Date(start + i * 20_000).toISOString(),
        payload: { topic: TOPICS[i % TOPICS.length], groupSize: 1 + (i % 3), ageBand: AGE_BANDS[i % AGE_BANDS.length] },
      })
      if (i % 50 === 49) facts.push({ id: uuidv7(), kind: 'void', eventId: DEMO_EVENT_ID, deviceId, schemaVersion: 1, at: new Date().toISOString(), payload: { targetId: id, reason: 'undo' } })
    }
    const res = await fetch(`${url}/api/v1/push`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ facts }) })
    if (res.status !== 200) throw new Error(`seed push ${res.status}`)
  }
}

/** Peak resident memory of the server so far (Linux /proc), in MB. */
const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

async function onServer(dialect: 'sqlite' | 'postgres', size: number, run: (server: ServerProcess, cookie: string) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'corner-bench-reports-'))
  const schema = `bench_reports_${process.pid}_${size}`
  const server = await spawnServer({
    DATA_DIR: dataDir, STATIC_ROOT: dataDir, ADMIN_PASSWORD: 'bench password', RATE_LIMIT_DEVICE_PER_MINUTE: '100000', RATE_LIMIT_ADMIN_PER_MINUTE: '100000',
    ...(dialect === 'postgres' ? { DATABASE_URL: PG_URL, PG_SCHEMA: schema } : {}),
  })
  try {
    const cookie = await session(server.url)
    await seed(server.url, cookie, size)
    await run(server, cookie)
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

async function bench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  console.log(`\n${dialect}`)
  for (const size of SIZES) {
    await onServer(dialect, size, async (server, cookie) => {
      const get = (path: string) => fetch(`${server.url}/api/v1/admin${path}`, { headers: { cookie } })
      const dashboard: number[] = []
      for (let i = 0; i < 10; i++) dashboard.push(await timed(async () => void (await (await get(`/dashboard?eventId=${DEMO_EVENT_ID}`)).json())))
      const base = peakMb(server.pid)
      const line = [`  ${size.toLocaleString('en-US')} facts: dashboard p50 ${median(dashboard).toFixed(0)} ms, p95 ${percentile(dashboard, 95).toFixed(0)} ms (budget ≤ 100 ms)`]
      for (const format of ['csv', 'xlsx', 'json', 'fhir']) {
        let bytes = 0
        const ms = await timed(async () => {
          const res = await get(`/exports?format=${format}`)
          for await (const chunk of res.body as AsyncIterable<Uint8Array>) bytes += chunk.length
        })
        line.push(`    ${format}: ${(ms / 1000).toFixed(2)} s, ${(bytes / 1e6).toFixed(1)} MB, server peak RSS ${peakMb(server.pid).toFixed(0)} MB (${base.toFixed(0)} before exports)`)
      }
      console.log(line.join('\n'))
    })
  }
}

await bench('sqlite')
await onPostgresIfReachable(() => bench('postgres'))
