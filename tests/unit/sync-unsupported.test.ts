import { v7 as uuidv7 } from 'uuid'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../src/app/db/db'
import type { StoredFact } from '../../src/app/db/database'
import { recordInteraction } from '../../src/app/db/facts'
import { getDeviceId } from '../../src/app/db/meta'
import { listRejected } from '../../src/app/db/outbox'
import { getSyncStatus, setSyncAuth } from '../../src/app/db/sync-state'
import { createSyncEngine } from '../../src/app/sync/sync-engine'
import { freshState } from './support'
import { fakeApi } from './support-sync'

const EVENT = '01930000-0000-7000-8000-0000000000aa'

/** Facts a newer app version wrote (a kind this server does not know yet), queued first. */
async function queueFutureFacts(count: number): Promise<string[]> {
  const deviceId = await getDeviceId()
  const facts = Array.from({ length: count }, () => ({
    id: uuidv7(), kind: 'kiosk_session', eventId: EVENT, deviceId, at: new Date().toISOString(), schemaVersion: 2,
    payload: { surveyId: uuidv7(), answers: { q1: 3 } }, day: '2026-11-26',
  }) as unknown as StoredFact)
  await db.transaction('rw', db.facts, db.outbox, async () => {
    await db.facts.bulkAdd(facts)
    await db.outbox.bulkAdd(facts.map((f) => ({ recordId: f.id, store: 'facts' as const, queuedAt: f.at })))
  })
  return facts.map((f) => f.id)
}

const knowsOnlyInteractions = (record: unknown) => ((record as { kind: string }).kind === 'kiosk_session' ? 'unsupported' : 'accepted')

describe('records the server cannot take yet', () => {
  beforeEach(async () => {
    await freshState()
    await setSyncAuth({ token: 't'.repeat(40), enrolledAt: new Date().toISOString() })
  })

  it('sends the taps queued behind 500 unsupported records in the same sync', async () => {
    const future = await queueFutureFacts(500)
    const taps = [await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 }), await recordInteraction(EVENT, { topic: 'alcohol', groupSize: 1 })]
    const api = fakeApi(knowsOnlyInteractions)
    expect(await createSyncEngine({ api, maxBatchesPerRun: 5 }).syncNow('start')).toBe('ok')
    expect(api.pushes).toHaveLength(2)
    expect(api.pushes[1]!.facts.map((f) => (f as { id: string }).id)).toEqual(taps.map((t) => t.id))
    expect((await db.outbox.toCollection().primaryKeys()).sort()).toEqual([...future].sort())
    expect(await listRejected()).toEqual([])
    expect((await getSyncStatus()).waitingForServer).toBe(500)
  })

  it('leaves them alone on automatic syncs for a while, and retries them when the operator asks', async () => {
    let clock = Date.parse('2026-11-26T10:00:00Z')
    const [future] = await queueFutureFacts(1)
    const api = fakeApi(knowsOnlyInteractions)
    const engine = createSyncEngine({ api, now: () => new Date(clock), parkUnsupportedMs: 60_000 })
    await engine.syncNow('start')
    const tap = await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    await engine.syncNow('queued')
    expect(api.pushes.map((p) => p.facts.map((f) => (f as { id: string }).id))).toEqual([[future], [tap.id]])
    await engine.syncNow('manual')
    expect(api.pushes).toHaveLength(3)
    clock += 61_000
    await engine.syncNow('timer')
    expect(api.pushes).toHaveLength(4)
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([future])
  })

  it('leaves them alone for ten minutes by default, counted from the sync that kept them', async () => {
    let clock = Date.parse('2026-11-26T10:00:00Z')
    const [future] = await queueFutureFacts(1)
    const api = fakeApi(knowsOnlyInteractions)
    const engine = createSyncEngine({ api, now: () => new Date(clock) })
    await engine.syncNow('start')
    const sentIds = () => api.pushes.map((p) => p.facts.map((f) => (f as { id: string }).id))
    const taps: string[] = []
    for (const minutes of [1, 9]) {
      clock = Date.parse('2026-11-26T10:00:00Z') + minutes * 60_000
      taps.push((await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })).id)
      expect(await engine.syncNow('queued')).toBe('ok')
    }
    expect(sentIds()).toEqual([[future], [taps[0]], [taps[1]]])
    clock = Date.parse('2026-11-26T10:10:00Z')
    await engine.syncNow('timer')
    expect(sentIds()).toEqual([[future], [taps[0]], [taps[1]], [future]])
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([future])
  })

  it('stops counting them as waiting once a server takes them', async () => {
    await queueFutureFacts(3)
    let updated = false
    const engine = createSyncEngine({ api: fakeApi((record) => (updated ? 'accepted' : knowsOnlyInteractions(record))) })
    await engine.syncNow()
    expect((await getSyncStatus()).waitingForServer).toBe(3)
    updated = true
    await engine.syncNow()
    expect(await db.outbox.count()).toBe(0)
    expect((await getSyncStatus()).waitingForServer).toBeUndefined()
  })

  it('treats an answer that leaves an id out like unsupported: queued, and not sent again this run', async () => {
    const [first] = await queueFutureFacts(1)
    await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    const api = fakeApi(() => 'accepted')
    const push = api.push
    api.push = async (token, body, queued) => {
      const answer = await push(token, body, queued)
      return { ...answer, results: answer.results.filter((r) => r.id !== first) }
    }
    expect(await createSyncEngine({ api, maxBatchesPerRun: 5 }).syncNow()).toBe('ok')
    expect(api.pushes).toHaveLength(1)
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([first])
  })
})
