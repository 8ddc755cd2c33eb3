/**
 * Where the dashboard's time goes: seeds one event through the device API (bench/support/report-seed.ts),
 * then times each query of src/server/reports/dashboard-repository.ts in-process on the same database
 * (p50 / p95 of 10) and prints the plan of the contact-counts query.
 * Run: npx tsx bench/dashboard-queries.ts   (SIZE=100000, DIALECT=sqlite|postgres)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { DEMO_EVENT_ID } from '../src/shared/demo-event.js'
import { openDatabase } from '../src/server/db/open-database.js'
import { contactTotals, eventCounts, lastReceivedAt, linkCounts, quietTablets, surveyAnswerCounts } from '../src/server/reports/dashboard-repository.js'
import { buildDashboard } from '../src/server/reports/dashboard-service.js'
import { PG_URL } from './postgres.js'
import { spawnServer } from './server-process.js'
import { median, percentile } from './stats.js'
import { seedEvent, session } from './support/report-seed.js'

const SIZE = Number(process.env.SIZE ?? 100_000)
const DIALECT = process.env.DIALECT === 'postgres' ? 'postgres' : 'sqlite'
const dataDir = mkdtempSync(join(tmpdir(), 'corner-bench-dashboard-'))
const schema = `bench_dashboard_${process.pid}`
const env = { DATA_DIR: dataDir, STATIC_ROOT: dataDir, ADMIN_PASSWORD: 'bench password', RATE_LIMIT_DEVICE_PER_MINUTE: '100000', RATE_LIMIT_ADMIN_PER_MINUTE: '100000' }
const server = await spawnServer({ ...env, ...(DIALECT === 'postgres' ? { DATABASE_URL: PG_URL, PG_SCHEMA: schema } : {}) })
const seeded = await seedEvent(server.url, await session(server.url), SIZE)
await server.stop()

const opened = await openDatabase(DIALECT === 'postgres' ? { databaseUrl: PG_URL, pgSchema: schema, dataDir } : { dataDir })
const { db } = opened
const scope = { eventId: DEMO_EVENT_ID }
try {
  console.log(`${DIALECT}, ${seeded.taps.toLocaleString('en-US')} taps + ${seeded.responses.toLocaleString('en-US')} responses, one event`)
  const counted = await db.selectFrom('contact_totals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  console.log(`  contact_totals rows: ${Number(counted.n).toLocaleString('en-US')}`)
  const queries: [string, () => Promise<unknown>][] = [
    ['contactTotals', () => contactTotals(db, scope)],
    ['lastReceivedAt', () => lastReceivedAt(db)],
    ['eventCounts', () => eventCounts(db, scope)],
    ['surveyAnswerCounts', () => surveyAnswerCounts(db, scope)],
    ['linkCounts', () => linkCounts(db, scope)],
    ['quietTablets', () => quietTablets(db, new Date().toISOString())],
    ['buildDashboard (all)', () => buildDashboard(db, scope, new Date())],
  ]
  for (const [name, run] of queries) {
    const times: number[] = []
    for (let i = 0; i < 10; i++) {
      const start = performance.now()
      await run()
      times.push(performance.now() - start)
    }
    console.log(`  ${name.padEnd(22)} p50 ${median(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`)
  }
  const plan = async (query: { compile: () => { sql: string; parameters: readonly unknown[] } }) => {
    const { sql: text, parameters } = query.compile()
    const prefix = DIALECT === 'postgres' ? 'explain (analyze, costs off) ' : 'explain query plan '
    const rows = await sql.raw(prefix + text.replace(/\$(\d+)|\?/g, (_m, n?: string) => {
      const p = parameters[n ? Number(n) - 1 : (plan.i = (plan.i ?? -1) + 1)]
      return typeof p === 'number' ? String(p) : `'${String(p).replaceAll("'", "''")}'`
    })).execute(db)
    plan.i = undefined
    for (const row of rows.rows as Record<string, unknown>[]) console.log(`    ${String(row['QUERY PLAN'] ?? row.detail)}`)
  }
  plan.i = undefined as number | undefined
  console.log('  plan of the contact totals query:')
  await plan(db.selectFrom('contact_totals as c').select(['c.dimension', 'c.value', (eb) => eb.fn.sum<number>('c.contacts').as('n')]).where('c.event_id', '=', DEMO_EVENT_ID).groupBy(['c.dimension', 'c.value']))
  console.log('  plan of the survey totals query:')
  await plan(db.selectFrom('survey_totals as s').where('s.event_id', '=', DEMO_EVENT_ID)
    .select(['s.survey_id', 's.question_id', 's.value', (eb) => eb.fn.sum<number>('s.count').as('n')]).groupBy(['s.survey_id', 's.question_id', 's.value']))
} finally {
  await opened.close()
  rmSync(dataDir, { recursive: true, force: true })
  if (DIALECT === 'postgres') {
    const client = new pg.Client({ connectionString: PG_URL })
    await client.connect()
    await client.query(`drop schema if exists "${schema}" cascade`)
    await client.end()
  }
}
