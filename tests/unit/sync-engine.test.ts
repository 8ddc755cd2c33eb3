import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/app/db/db'
import { createLocalEvent } from '../../src/app/db/events'
import { recordInteraction } from '../../src/app/db/facts'
import { listRejected, readOutboxBatch } from '../../src/app/db/outbox'
import { getSyncStatus, setSyncAuth } from '../../src/app/db/sync-state'
import { SyncHttpError, SyncNetworkError, type SyncApi } from '../../src/app/sync/api'
import { backoffDelay } from '../../src/app/sync/backoff'
import { createSyncEngine } from '../../src/app/sync/sync-engine'
import type { PushRequest, PushResult } from '../../src/shared/sync-protocol'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { freshState } from './support'

const EVENT = '01930000-0000-7000-8000-0000000000aa'
const emptyPull = { cursor: 0, hasMore: false, kits: [], events: [], surveys: [], contents: [] }

function fakeApi(answer: (body: PushRequest) => PushResult['status'] | Error): SyncApi & { pushes: PushRequest[] } {
  const pushes: PushRequest[] = []
  return {
    pushes,
    push: vi.fn(async (_token: string, body: PushRequest) => {
      pushes.push(structuredClone(body))
      const ids = [...body.events, ...body.facts].map((r) => (r as { id: string }).id)
      const outcome = answer(body)
      if (outcome instanceof Error) throw outcome
      return { results: ids.map((id) => ({ id, status: outcome })), serverTime: new Date().toISOString() }
    }),
    pull: vi.fn(async () => emptyPull),
    enrol: vi.fn(),
  }
}

describe('the sync engine', () => {
  beforeEach(async () => {
    await freshState()
    await setSyncAuth({ token: 't'.repeat(40), enrolledAt: new Date().toISOString() })
  })
  afterEach(() => vi.useRealTimers())

  it('empties the queue only for records the server acknowledged', async () => {
    for (let i = 0; i < 3; i++) await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    const api = fakeApi(() => 'accepted')
    expect(await createSyncEngine({ api }).syncNow()).toBe('ok')
    expect(await db.outbox.count()).toBe(0)
    expect(api.pushes[0]!.facts).toHaveLength(3)
    expect(api.pushes[0]!.facts[0]).not.toHaveProperty('day')
    expect((await getSyncStatus()).lastSuccessAt).toBeDefined()
  })

  it('keeps a fact queued when the server answers 503, and schedules a retry', async () => {
    await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    const engine = createSyncEngine({ api: fakeApi(() => new SyncHttpError(503, 'unavailable', 'down')), random: () => 1 })
    expect(await engine.syncNow()).toBe('retrying')
    engine.stop()
    expect(await db.outbox.count()).toBe(1)
    const status = await getSyncStatus()
    expect(status.lastError?.code).toBe('server')
    expect(status.nextRetryAt).toBeDefined()
  })

  it('keeps the queue on a network error', async () => {
    await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    const engine = createSyncEngine({ api: fakeApi(() => new SyncNetworkError('offline')) })
    expect(await engine.syncNow()).toBe('retrying')
    engine.stop()
    expect(await db.outbox.count()).toBe(1)
    expect((await getSyncStatus()).lastError?.code).toBe('network')
  })

  it('moves refused records to the rejected list without blocking the others', async () => {
    const bad = await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    await recordInteraction(EVENT, { topic: 'alcohol', groupSize: 1 })
    const api: SyncApi = {
      ...fakeApi(() => 'accepted'),
      push: async (_t, body) => ({
        results: body.facts.map((f) => {
          const id = (f as { id: string }).id
          return id === bad.id ? { id, status: 'conflict' as const, reason: 'id_exists_with_other_content' } : { id, status: 'accepted' as const }
        }),
        serverTime: new Date().toISOString(),
      }),
    }
    expect(await createSyncEngine({ api }).syncNow()).toBe('ok')
    expect(await db.outbox.count()).toBe(0)
    expect(await listRejected()).toEqual([expect.objectContaining({ recordId: bad.id, status: 'conflict', reason: 'id_exists_with_other_content' })])
  })

  it('keeps unsupported records queued and says why', async () => {
    await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    const engine = createSyncEngine({ api: fakeApi(() => 'unsupported') })
    expect(await engine.syncNow()).toBe('retrying')
    engine.stop()
    expect(await db.outbox.count()).toBe(1)
    expect((await getSyncStatus()).lastError?.code).toBe('unsupported')
  })

  it('asks to enrol again on 401 and keeps everything queued', async () => {
    await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    const engine = createSyncEngine({ api: fakeApi(() => new SyncHttpError(401, 'unauthorized', 'revoked')) })
    expect(await engine.syncNow()).toBe('unauthorized')
    expect(await db.outbox.count()).toBe(1)
    expect((await getSyncStatus()).needsEnrolment).toBe(true)
    expect(await engine.syncNow('timer')).toBe('unauthorized')
  })

  it('sends events before the facts that refer to them, within the batch limits', async () => {
    for (let i = 0; i < 5; i++) await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    const event = await createLocalEvent({
      kitId: DEMO_KIT_ID, name: 'Fiera', setting: 'community', occasion: 'fair', venue: 'Fiera', municipality: 'Lodi',
      startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [],
    })
    const batch = await readOutboxBatch({ facts: 3, events: 50, bytes: 1_000_000 })
    expect(batch.events.map((e) => e.id)).toEqual([event.id])
    expect(batch.events[0]).not.toHaveProperty('origin')
    expect(batch.facts).toHaveLength(3)
  })

  it('does not sync automatically inside the backoff window, but does when the operator asks', async () => {
    await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    let fail = true
    const engine = createSyncEngine({ api: fakeApi(() => (fail ? new SyncNetworkError('offline') : 'accepted')), random: () => 1 })
    await engine.syncNow()
    fail = false
    expect(await engine.syncNow('timer')).toBe('backing-off')
    expect(await engine.syncNow('manual')).toBe('ok')
    engine.stop()
  })
})

describe('backoff', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    expect(backoffDelay(1, () => 0)).toBe(500)
    expect(backoffDelay(1, () => 1)).toBe(1_000)
    expect(backoffDelay(4, () => 1)).toBe(8_000)
    expect(backoffDelay(30, () => 1)).toBe(300_000)
    expect(backoffDelay(30, () => 0)).toBe(150_000)
  })
})
