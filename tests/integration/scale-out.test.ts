import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Fact } from '../../src/shared/records.js'
import { interaction, issueCode, json, login } from './helpers/api.js'
import { ADMIN_PASSWORD, backends, runScopedName } from './helpers/backends.js'
import { makeTempDir } from './helpers/fake-dist.js'
import { onNewConnection } from './helpers/new-connection.js'
import { PG_URL } from './helpers/pg-url.js'
import { REDIS_URL, redisAvailable } from './helpers/redis.js'
import { startServerProcess, type ServerProcess } from './helpers/server-process.js'

const postgres = backends.find((b) => b.name === 'postgres')?.available ?? false
const DEVICE_LIMIT = 20

/** Two worker processes on one PostgreSQL, rate limits in Redis: `WEB_CONCURRENCY=2 npm start`. */
describe.runIf(postgres && redisAvailable)('two server processes on one PostgreSQL', () => {
  const dataDir = makeTempDir()
  const schema = runScopedName('scale')
  let server: ServerProcess
  let seen = 0
  const workersIn = (from: number) => new Set([...server.output().slice(from).matchAll(/"pid":(\d+)[^\n]*"url":"\/api\/v1\/push"/g)].map((m) => m[1])).size

  beforeAll(async () => {
    server = await startServerProcess({
      WEB_CONCURRENCY: '2', DATABASE_URL: PG_URL, PG_SCHEMA: schema, REDIS_URL, DATA_DIR: dataDir,
      STATIC_ROOT: dataDir, ADMIN_PASSWORD, RATE_LIMIT_NAMESPACE: `rl-${randomBytes(4).toString('hex')}-`,
      RATE_LIMIT_DEVICE_PER_MINUTE: String(DEVICE_LIMIT), RATE_LIMIT_PUBLIC_PER_MINUTE: '1000',
    }, /worker \d+ listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*worker \d+ listening on/)
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function enrolDevice(): Promise<{ deviceId: string; token: string }> {
    const code = (await issueCode(server.url, await login(server.url))).code
    const deviceId = crypto.randomUUID()
    const res = await onNewConnection(`${server.url}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code, deviceId }) })
    return { deviceId, token: JSON.parse(res.body).token }
  }
  const pushOnce = (token: string, facts: Fact[], signal?: AbortSignal) =>
    onNewConnection(`${server.url}/api/v1/push`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ facts }), ...(signal ? { signal } : {}) })

  it('holds one tablet to its rate limit across both processes', async () => {
    const device = await enrolDevice()
    seen = server.output().length
    const statuses: number[] = []
    for (let i = 0; i < DEVICE_LIMIT + 10; i++) statuses.push((await pushOnce(device.token, [])).status)
    expect(workersIn(seen)).toBe(2)
    expect(statuses.filter((s) => s === 200)).toHaveLength(DEVICE_LIMIT)
    expect(statuses.slice(DEVICE_LIMIT)).toEqual(Array(10).fill(429))
  })

  it('stores every fact exactly once when tablets resend and lose answers across both', async () => {
    const tablets = await Promise.all([0, 1, 2, 3].map(async () => {
      const device = await enrolDevice()
      return { ...device, facts: Array.from({ length: 60 }, () => interaction(device.deviceId)) }
    }))
    seen = server.output().length
    let seed = 7
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    const statuses: string[] = []
    // Rounds of overlapping batches, some of whose answers are lost (aborted after sending).
    for (let round = 0; round < 3; round++) {
      await Promise.all(tablets.flatMap((t) => [0, 1].map(async () => {
        const from = Math.floor(random() * 40)
        const batch = t.facts.slice(from, from + 20)
        const abort = random() < 0.3 ? AbortSignal.timeout(1 + Math.floor(random() * 15)) : undefined
        const res = await pushOnce(t.token, batch, abort).catch(() => undefined)
        if (res?.status === 200) statuses.push(...JSON.parse(res.body).results.map((r: { status: string }) => r.status))
      })))
    }
    // Then each tablet sends everything until all of it is acknowledged.
    for (const t of tablets) {
      const res = await pushOnce(t.token, t.facts)
      expect(res.status).toBe(200)
      const results: { status: string }[] = JSON.parse(res.body).results
      statuses.push(...results.map((r) => r.status))
      expect(results.every((r) => r.status === 'accepted' || r.status === 'duplicate')).toBe(true)
    }
    expect(statuses).not.toContain('conflict')
    expect(workersIn(seen)).toBe(2)
    const stored = await countStored(tablets.map((t) => t.deviceId))
    expect(stored).toEqual({ rows: 240, distinct: 240 })
  })

  async function countStored(deviceIds: string[]): Promise<{ rows: number; distinct: number }> {
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: PG_URL })
    await client.connect()
    try {
      const result = await client.query(`select count(*)::int as rows, count(distinct id)::int as distinct from "${schema}".facts where device_id = any($1)`, [deviceIds])
      return result.rows[0]
    } finally {
      await client.end()
    }
  }
})
