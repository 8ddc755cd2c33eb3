/**
 * Reports over many facts, against the real server in its own process (SQLite, then PostgreSQL):
 * - dashboard figures for one event with 100,000 facts: median and p95 of 10 requests (budget ≤ 100 ms);
 * - exports of everything: time, and the server's resident memory before and at its peak during each export, at 10,000 and 100,000
 *   facts side by side — flat memory means the export streams (CSV budget ≤ 3 s at 100,000).
 * Seeded through the device API: N taps (1 in 50 undone) and one kiosk survey response every
 * 10 taps, so the FHIR bundle and the XLSX answers sheet have rows too (bench/support/report-seed.ts).
 * Run: npx tsx bench/reports.ts   (SIZES=10000,100000 and DIALECTS=sqlite,postgres to choose)
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { DEMO_EVENT_ID } from '../src/shared/demo-event.js'
import { PG_URL, onPostgresIfReachable } from './postgres.js'
import { spawnServer, type ServerProcess } from './server-process.js'
import { median, percentile } from './stats.js'
import { seedEvent, session } from './support/report-seed.js'

const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number)
const DIALECTS = (process.env.DIALECTS ?? 'sqlite,postgres').split(',')

/** Resident memory of the server now (Linux /proc), in MB. */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

/**
 * The server's highest resident memory while `fn` runs, sampled every 10 ms. (VmHWM would
 * report the seeding's peak, which is higher than an export's at 100,000 facts.)
 */
async function peakRssDuring(pid: number, fn: () => Promise<void>): Promise<number> {
  let peak = rssMb(pid)
  const timer = setInterval(() => { peak = Math.max(peak, rssMb(pid)) }, 10)
  try {
    await fn()
  } finally {
    clearInterval(timer)
  }
  return Math.max(peak, rssMb(pid))
}

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
    const seeded = await seedEvent(server.url, cookie, size)
    console.log(`  ${seeded.taps.toLocaleString('en-US')} taps + ${seeded.responses.toLocaleString('en-US')} survey responses seeded`)
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
      const line = [`  ${size.toLocaleString('en-US')} facts: dashboard p50 ${median(dashboard).toFixed(0)} ms, p95 ${percentile(dashboard, 95).toFixed(0)} ms (budget ≤ 100 ms)`]
      for (const format of ['csv', 'xlsx', 'json', 'fhir']) {
        let bytes = 0
        let ms = 0
        const before = rssMb(server.pid)
        const peak = await peakRssDuring(server.pid, async () => {
          ms = await timed(async () => {
            const res = await get(`/exports?format=${format}`)
            for await (const chunk of res.body as AsyncIterable<Uint8Array>) bytes += chunk.length
          })
        })
        line.push(`    ${format}: ${(ms / 1000).toFixed(2)} s, ${(bytes / 1e6).toFixed(1)} MB, server RSS ${before.toFixed(0)} MB before → peak ${peak.toFixed(0)} MB during (+${(peak - before).toFixed(0)})`)
      }
      console.log(line.join('\n'))
    })
  }
}

if (DIALECTS.includes('sqlite')) await bench('sqlite')
if (DIALECTS.includes('postgres')) await onPostgresIfReachable(() => bench('postgres'))
