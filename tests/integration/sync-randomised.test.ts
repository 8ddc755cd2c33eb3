import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../src/app/db/db'
import { recordInteraction, undoLastInteraction } from '../../src/app/db/facts'
import { getDeviceId, resetDeviceIdCache } from '../../src/app/db/meta'
import { setSyncAuth } from '../../src/app/db/sync-state'
import type { FetchLike } from '../../src/app/api/http'
import { createSyncApi } from '../../src/app/api/sync-api'
import { createSyncEngine } from '../../src/app/sync/sync-engine'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { startServer, type RunningServer } from '../../src/server/start-server'
import { enrol, issueCode, login } from './helpers/api'
import { ADMIN_PASSWORD, PG_URL, backends, dropSchema, runScopedName } from './helpers/backends'
import { makeTempDir } from './helpers/fake-dist'

type Fault = 'none' | 'drop-before' | 'drop-after' | '503'
type Action = { type: 'tap' } | { type: 'undo' } | { type: 'sync'; fault: Fault } | { type: 'restart' }

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Action>({ type: 'tap' }) },
  { weight: 1, arbitrary: fc.constant<Action>({ type: 'undo' }) },
  { weight: 4, arbitrary: fc.constantFrom<Fault>('none', 'drop-before', 'drop-after', '503').map((fault): Action => ({ type: 'sync', fault })) },
  { weight: 1, arbitrary: fc.constant<Action>({ type: 'restart' }) },
)

describe.each(backends)('randomised sync against the real server ($name)', ({ name, available }) => {
  const dataDir = makeTempDir()
  const pgSchema = runScopedName('rand')
  let server: RunningServer
  let port = 0
  const start = async () => {
    server = await startServer({
      port, dataDir, staticRoot: false, admin: { username: 'admin', password: ADMIN_PASSWORD },
      rateLimits: { devicePerMinute: 100_000, publicPerMinute: 10_000, adminPerMinute: 10_000 },
      ...(name === 'postgres' ? { databaseUrl: PG_URL, pgSchema } : {}),
    })
    port = Number(new URL(server.url).port)
  }

  beforeAll(async () => {
    if (available) await start()
  })
  afterAll(async () => {
    await server?.close()
    if (name === 'postgres' && available) await dropSchema(pgSchema)
  })

  it.skipIf(!available)('ends with the server holding exactly the tablet\'s facts, once each', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), async (actions) => {
        db.close()
        await db.delete()
        await db.open()
        resetDeviceIdCache()
        const deviceId = await getDeviceId()
        const cookie = await login(server.url)
        const { token } = await enrol(server.url, (await issueCode(server.url, cookie)).code, deviceId)
        await setSyncAuth({ token, enrolledAt: new Date().toISOString() })

        let fault: Fault = 'none'
        const faultyFetch: FetchLike = async (input, init) => {
          const now = input.includes('/push') ? fault : 'none'
          if (input.includes('/push')) fault = 'none'
          if (now === 'drop-before') throw new TypeError('network is down')
          if (now === '503') return new Response(JSON.stringify({ code: 'unavailable', message: 'injected' }), { status: 503 })
          const response = await fetch(input, init)
          if (now === 'drop-after') {
            await response.arrayBuffer()
            throw new TypeError('connection reset after the server answered')
          }
          return response
        }
        const engine = createSyncEngine({ api: createSyncApi(`http://127.0.0.1:${port}`, faultyFetch), random: () => 0 })
        try {
          for (const step of actions) {
            if (step.type === 'tap') await recordInteraction(DEMO_EVENT_ID, { topic: 'smoking', groupSize: 1 })
            else if (step.type === 'undo') await undoLastInteraction(DEMO_EVENT_ID)
            else if (step.type === 'restart') {
              await server.close()
              await start()
            } else {
              fault = step.fault
              await engine.syncNow('manual')
            }
          }
          fault = 'none'
          for (let attempt = 0; attempt < 20 && (await db.outbox.count()) > 0; attempt++) await engine.syncNow('manual')
        } finally {
          engine.stop()
        }

        const tabletIds = (await db.facts.toArray()).map((f) => f.id).sort()
        const stored = (await server.app.db.selectFrom('facts').select('id').where('device_id', '=', deviceId).execute()).map((r) => r.id).sort()
        expect(await db.outbox.count()).toBe(0)
        expect(stored).toEqual(tabletIds)
      }),
      { numRuns: Number(process.env.RANDOMISED_RUNS ?? 12) },
    )
  })
})
