import { v7 as uuidv7 } from 'uuid'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/app/api/api-error'
import { db } from '../../src/app/db/db'
import type { StoredFact } from '../../src/app/db/database'
import { createLocalEvent } from '../../src/app/db/events'
import { recordInteraction } from '../../src/app/db/facts'
import { getDeviceId } from '../../src/app/db/meta'
import { listRejected, readOutboxBatch } from '../../src/app/db/outbox'
import { getSyncStatus, setSyncAuth } from '../../src/app/db/sync-state'
import { backoffDelay } from '../../src/app/sync/backoff'
import { createSyncEngine } from '../../src/app/sync/sync-engine'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { PUSH_MAX_BYTES } from '../../src/shared/sync-protocol'
import { freshState } from './support'
import { fakeApi } from './support-sync'

const EVENT = '01930000-0000-7000-8000-0000000000aa'
/** `count` queued facts of about `bytes` each (a long note), written as the app writes them. */
async function queueBulkyFacts(count: number, bytes: number): Promise<string[]> {
  const deviceId = await getDeviceId()
  const facts = Array.from({ length: count }, () => ({
    id: uuidv7(), kind: 'interaction', eventId: EVENT, deviceId, at: new Date().toISOString(), schemaVersion: 1,
    payload: { topic: 'smoking', groupSize: 1, note: 'n'.repeat(bytes) }, day: '2026-11-26',
  }) as unknown as StoredFact)
  await db.transaction('rw', db.facts, db.outbox, async () => {
    await db.facts.bulkAdd(facts)
    await db.outbox.bulkAdd(facts.map((f) => ({ recordId: f.id, store: 'facts' as const, queuedAt: f.at })))
  })
  return facts.map((f) => f.id)
}
const tap = () => recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })

describe('the sync engine', () => {
  beforeEach(async () => {
    await freshState()
    await setSyncAuth({ token: 't'.repeat(40), enrolledAt: new Date().toISOString() })
  })
  afterEach(() => vi.useRealTimers())

  it('empties the queue only for records the server acknowledged', async () => {
    for (let i = 0; i < 3; i++) await tap()
    const api = fakeApi(() => 'accepted')
    expect(await createSyncEngine({ api }).syncNow()).toBe('ok')
    expect(await db.outbox.count()).toBe(0)
    expect(api.pushes[0]!.facts).toHaveLength(3)
    expect(api.pushes[0]!.facts[0]).not.toHaveProperty('day')
    expect((await getSyncStatus()).lastSuccessAt).toBeDefined()
  })

  it('keeps a fact queued when the server answers 503, and schedules a retry', async () => {
    await tap()
    const engine = createSyncEngine({ api: fakeApi(() => new ApiError(503, 'server', 'down')), random: () => 1 })
    expect(await engine.syncNow()).toBe('retrying')
    engine.stop()
    expect(await db.outbox.count()).toBe(1)
    const status = await getSyncStatus()
    expect(status.lastError).toMatchObject({ code: 'server', detail: '503 server' })
    expect(status.nextRetryAt).toBeDefined()
  })

  it('keeps the queue on a network error', async () => {
    await tap()
    const engine = createSyncEngine({ api: fakeApi(() => new ApiError(0, 'network', 'offline')) })
    expect(await engine.syncNow()).toBe('retrying')
    engine.stop()
    expect(await db.outbox.count()).toBe(1)
    expect((await getSyncStatus()).lastError?.code).toBe('network')
  })

  it('says so when the server answers something it cannot read', async () => {
    await tap()
    const engine = createSyncEngine({ api: fakeApi(() => new ApiError(200, 'bad_response', 'garbage')) })
    expect(await engine.syncNow()).toBe('retrying')
    engine.stop()
    expect(await db.outbox.count()).toBe(1)
    expect((await getSyncStatus()).lastError?.code).toBe('bad_response')
  })

  it('moves refused records to the rejected list without blocking the others', async () => {
    const bad = await tap()
    await recordInteraction(EVENT, { topic: 'alcohol', groupSize: 1 })
    const api = fakeApi((record) => ((record as { id: string }).id === bad.id ? 'conflict' : 'accepted'))
    expect(await createSyncEngine({ api }).syncNow()).toBe('ok')
    expect(await db.outbox.count()).toBe(0)
    expect(await listRejected()).toEqual([expect.objectContaining({ recordId: bad.id, status: 'conflict', reason: 'conflict' })])
  })

  it('asks to enrol again on 401 and keeps everything queued', async () => {
    await tap()
    const at = new Date('2026-11-26T09:00:00.000Z')
    let answer = new ApiError(503, 'server', 'down')
    const api = fakeApi(() => answer)
    const engine = createSyncEngine({ api, now: () => at })
    await engine.syncNow()
    engine.stop()
    answer = new ApiError(401, 'unauthorized', 'revoked')
    expect(await engine.syncNow()).toBe('unauthorized')
    expect(await db.outbox.count()).toBe(1)
    // No retry is planned: only a new enrolment helps.
    expect(await getSyncStatus()).toEqual({ lastAttemptAt: at.toISOString(), needsEnrolment: true, lastError: { code: 'unauthorized', at: at.toISOString() } })
    expect(await engine.syncNow('timer')).toBe('unauthorized')
    // Automatic syncs wait for the new enrolment without asking the server again.
    expect(api.pushes).toHaveLength(2)
  })

  it('sends events before the facts that refer to them, within the batch limits', async () => {
    for (let i = 0; i < 5; i++) await tap()
    const event = await createLocalEvent({
      kitId: DEMO_KIT_ID, name: 'Fiera', setting: 'community', occasion: 'fair', venue: 'Fiera', municipality: 'Lodi',
      startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [],
    })
    const batch = await readOutboxBatch({ facts: 3, events: 50, bytes: 1_000_000 })
    expect(batch.events.map((e) => e.id)).toEqual([event.id])
    expect(batch.events[0]).not.toHaveProperty('origin')
    expect(batch.facts).toHaveLength(3)
  })

  it('never sends a batch over the server\'s byte limit, and still delivers everything', async () => {
    const facts = await queueBulkyFacts(400, 2_800)
    const api = fakeApi(() => 'accepted')
    expect(await createSyncEngine({ api }).syncNow()).toBe('ok')
    expect(api.pushes.length).toBeGreaterThan(1)
    for (const body of api.pushes) expect(new TextEncoder().encode(JSON.stringify(body)).length).toBeLessThanOrEqual(PUSH_MAX_BYTES)
    expect(api.pushes.flatMap((b) => b.facts.map((f) => (f as { id: string }).id))).toEqual(facts)
    expect(await db.outbox.count()).toBe(0)
  })

  it('pushes at most the batches a run allows, and the next run carries on where it stopped', async () => {
    const ids = [await tap(), await tap(), await tap()].map((f) => f.id)
    const api = fakeApi(() => 'accepted')
    const engine = createSyncEngine({ api, limits: { facts: 1, events: 1, bytes: 1_000_000 }, maxBatchesPerRun: 2 })
    expect(await engine.syncNow()).toBe('ok')
    expect(api.pushes.map((b) => b.facts.map((f) => (f as { id: string }).id))).toEqual([[ids[0]], [ids[1]]])
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([ids[2]])
    expect(await engine.syncNow()).toBe('ok')
    expect(await db.outbox.count()).toBe(0)
  })

  it('sends facts queued 90 days ago like any other: nothing in the queue expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-08-28T09:00:00Z'))
    for (let i = 0; i < 3; i++) await tap()
    vi.setSystemTime(new Date('2026-11-26T09:00:00Z'))
    const api = fakeApi(() => 'accepted')
    expect(await createSyncEngine({ api }).syncNow()).toBe('ok')
    expect(api.pushes[0]!.facts.map((f) => (f as { at: string }).at.slice(0, 10))).toEqual(['2026-08-28', '2026-08-28', '2026-08-28'])
    expect(await db.outbox.count()).toBe(0)
  })

  it('does not sync automatically inside the backoff window, but does when the operator asks', async () => {
    await tap()
    let fail = true
    const engine = createSyncEngine({ api: fakeApi(() => (fail ? new ApiError(0, 'network', 'offline') : 'accepted')), random: () => 1 })
    await engine.syncNow()
    fail = false
    expect(await engine.syncNow('timer')).toBe('backing-off')
    expect(await engine.syncNow('manual')).toBe('ok')
    engine.stop()
  })

  it('syncs automatically again from the very moment the backoff ends', async () => {
    await tap()
    let clock = Date.parse('2026-11-26T09:00:00.000Z')
    const api = fakeApi(() => new ApiError(0, 'network', 'offline'))
    const engine = createSyncEngine({ api, random: () => 1, now: () => new Date(clock) })
    expect(await engine.syncNow()).toBe('retrying')
    engine.stop()
    clock += 999
    for (const reason of ['timer', 'queued', 'visible'] as const) expect(await engine.syncNow(reason)).toBe('backing-off')
    clock += 1
    expect(await engine.syncNow('visible')).toBe('retrying')
    engine.stop()
    expect(api.pushes).toHaveLength(2)
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
