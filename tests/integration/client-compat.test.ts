import 'fake-indexeddb/auto'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FetchLike } from '../../src/app/api/http'
import { createSyncApi } from '../../src/app/api/sync-api'
import type { StoredFact } from '../../src/app/db/database'
import { db } from '../../src/app/db/db'
import { recordInteraction, undoLastInteraction } from '../../src/app/db/facts'
import { getDeviceId, resetDeviceIdCache } from '../../src/app/db/meta'
import { listRejected } from '../../src/app/db/outbox'
import { getSyncStatus, setSyncAuth } from '../../src/app/db/sync-state'
import { createSyncEngine } from '../../src/app/sync/sync-engine'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { enrol, issueCode, login } from './helpers/api'
import { backends, startTestServer, type TestServer } from './helpers/backends'

/**
 * What a newer app version will queue: half of a fact kind this server does not know, half of
 * a schema version it does not know yet.
 */
async function queueFutureFacts(count: number, deviceId: string): Promise<string[]> {
  const facts = Array.from({ length: count }, (_, i) => ({
    id: uuidv7(), eventId: DEMO_EVENT_ID, deviceId, at: new Date().toISOString(), day: '2026-11-26',
    ...(i % 2 === 0
      ? { kind: 'kiosk_session', schemaVersion: 2, payload: { startedAt: new Date().toISOString(), screens: 4 } }
      : { kind: 'survey_response', schemaVersion: 9, payload: { surveyId: uuidv7(), answers: { satisfaction: 3 } } }),
  }) as unknown as StoredFact)
  await db.transaction('rw', db.facts, db.outbox, async () => {
    await db.facts.bulkAdd(facts)
    await db.outbox.bulkAdd(facts.map((f) => ({ recordId: f.id, store: 'facts' as const, queuedAt: f.at })))
  })
  return facts.map((f) => f.id)
}

describe.each(backends)('this tablet engine against the current server ($name)', ({ name, available }) => {
  let server: TestServer
  // A browser sends its own origin on every POST; node's fetch does not, so the test does.
  const asBrowser: FetchLike = (input, init) =>
    fetch(input, init?.method && init.method !== 'GET' ? { ...init, headers: { ...init.headers, origin: server.url } } : init)

  beforeAll(async () => {
    if (available) server = await startTestServer(name)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('keeps facts of a kind the server does not know queued, and delivers the taps behind them exactly once', async () => {
    db.close()
    await db.delete()
    await db.open()
    resetDeviceIdCache()
    const deviceId = await getDeviceId()
    const { token } = await enrol(server.url, (await issueCode(server.url, await login(server.url))).code, deviceId)
    await setSyncAuth({ token, enrolledAt: new Date().toISOString() })

    const unknown = await queueFutureFacts(500, deviceId)
    for (let i = 0; i < 6; i++) await recordInteraction(DEMO_EVENT_ID, { topic: 'smoking', groupSize: 1 })
    await undoLastInteraction(DEMO_EVENT_ID)
    const tapIds = (await db.facts.toArray()).filter((f) => !unknown.includes(f.id)).map((f) => f.id)

    const engine = createSyncEngine({ api: createSyncApi(server.url, asBrowser) })
    try {
      expect(await engine.syncNow('manual')).toBe('ok')
      // Again, as after an app restart: the unknown ones are offered again and refused again.
      expect(await engine.syncNow('manual')).toBe('ok')
    } finally {
      engine.stop()
    }

    expect((await db.outbox.toCollection().primaryKeys()).sort()).toEqual([...unknown].sort())
    expect(await listRejected()).toEqual([])
    expect((await getSyncStatus()).waitingForServer).toBe(500)
    const stored = (await server.app.db.selectFrom('facts').select('id').where('device_id', '=', deviceId).execute()).map((r) => r.id)
    expect(stored.sort()).toEqual(tapIds.sort())
  })
})
