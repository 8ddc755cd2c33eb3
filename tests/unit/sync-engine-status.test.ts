import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/app/api/api-error'
import { db } from '../../src/app/db/db'
import { recordInteraction } from '../../src/app/db/facts'
import { getDeviceId } from '../../src/app/db/meta'
import { getSyncAuth, getSyncStatus, setSyncAuth, updateSyncStatus } from '../../src/app/db/sync-state'
import { createSyncEngine } from '../../src/app/sync/sync-engine'
import { withSyncLock } from '../../src/app/sync/single-flight'
import { freshState } from './support'
import { fakeApi } from './support-sync'

const EVENT = '01930000-0000-7000-8000-0000000000aa'
const T0 = new Date('2026-11-26T09:00:00.000Z')
const TOKEN = 'k'.repeat(43)
const tap = () => recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })

describe('what the sync engine tells the operator', () => {
  beforeEach(freshState)
  afterEach(() => vi.useRealTimers())

  it('does nothing before enrolment, and enrols with the trimmed code and this tablet id, then syncs', async () => {
    await tap()
    const api = fakeApi(() => 'accepted')
    api.enrol = vi.fn(async ({ deviceId }) => ({ deviceId, token: TOKEN }))
    const engine = createSyncEngine({ api, now: () => T0 })
    expect(await engine.syncNow()).toBe('not-enrolled')
    expect(api.pushes).toHaveLength(0)
    await updateSyncStatus({ needsEnrolment: true, lastError: { code: 'unauthorized', at: 'x' }, nextRetryAt: 'y' })
    await engine.enrol('  K7QX 2M9P \n')
    expect(api.enrol).toHaveBeenCalledWith({ code: 'K7QX 2M9P', deviceId: await getDeviceId() })
    expect(await getSyncAuth()).toEqual({ token: TOKEN, enrolledAt: T0.toISOString() })
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0))
    expect(api.push).toHaveBeenCalledWith(TOKEN, expect.anything(), 1)
    expect(await getSyncStatus()).toEqual({ lastAttemptAt: T0.toISOString(), lastSuccessAt: T0.toISOString() })
  })

  it('stops asking to enrol once enrolled, even when the first sync after it fails', async () => {
    await tap()
    const api = fakeApi(() => new ApiError(0, 'network', 'offline'))
    api.enrol = vi.fn(async ({ deviceId }) => ({ deviceId, token: TOKEN }))
    const engine = createSyncEngine({ api, now: () => T0, random: () => 1 })
    await updateSyncStatus({ needsEnrolment: true, lastError: { code: 'unauthorized', at: 'x' } })
    await engine.enrol('K7QX2M9P')
    await vi.waitFor(async () => expect((await getSyncStatus()).lastError?.code).toBe('network'))
    engine.stop()
    expect((await getSyncStatus()).needsEnrolment).toBeUndefined()
    expect(await db.outbox.count()).toBe(1)
  })

  it('says when the next retry is and why the last sync failed, and forgets both once one succeeds', async () => {
    await setSyncAuth({ token: TOKEN, enrolledAt: T0.toISOString() })
    await tap()
    let answer: 'accepted' | Error = new ApiError(503, 'server', 'down')
    const engine = createSyncEngine({ api: fakeApi(() => answer), now: () => T0, random: () => 1 })
    expect(await engine.syncNow()).toBe('retrying')
    expect(await getSyncStatus()).toEqual({
      lastAttemptAt: T0.toISOString(), lastError: { code: 'server', at: T0.toISOString(), detail: '503 server' },
      nextRetryAt: new Date(T0.getTime() + 1_000).toISOString(),
    })
    expect(await engine.syncNow()).toBe('retrying')
    expect((await getSyncStatus()).nextRetryAt).toBe(new Date(T0.getTime() + 2_000).toISOString())
    answer = 'accepted'
    expect(await engine.syncNow()).toBe('ok')
    expect(await getSyncStatus()).toEqual({ lastAttemptAt: T0.toISOString(), lastSuccessAt: T0.toISOString() })
    // The failure count starts again after a success.
    answer = new ApiError(0, 'network', 'offline')
    await tap()
    expect(await engine.syncNow()).toBe('retrying')
    expect(await getSyncStatus()).toMatchObject({ lastError: { code: 'network' }, nextRetryAt: new Date(T0.getTime() + 1_000).toISOString() })
    engine.stop()
  })

  it('retries by itself when the backoff has passed, not before', async () => {
    await setSyncAuth({ token: TOKEN, enrolledAt: T0.toISOString() })
    await tap()
    let answer: 'accepted' | Error = new ApiError(502, 'server', 'bad gateway')
    const api = fakeApi(() => answer)
    const engine = createSyncEngine({ api, random: () => 0 })
    const failedAt = Date.now()
    expect(await engine.syncNow()).toBe('retrying')
    answer = 'accepted'
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0), { timeout: 5_000 })
    expect(api.pushes).toHaveLength(2)
    // random 0: half of the first step's 1 s.
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(450)
  })

  it('answers busy while another sync of this tablet runs, and sends nothing meanwhile', async () => {
    await setSyncAuth({ token: TOKEN, enrolledAt: T0.toISOString() })
    await tap()
    const api = fakeApi(() => 'accepted')
    const engine = createSyncEngine({ api, now: () => T0 })
    let finish!: () => void
    const other = withSyncLock(() => new Promise<void>((resolve) => (finish = resolve)))
    expect(await engine.syncNow('manual')).toBe('busy')
    expect(api.pushes).toHaveLength(0)
    finish()
    await other
    expect(await engine.syncNow('manual')).toBe('ok')
    expect(await db.outbox.count()).toBe(0)
  })

  it('plans no retry any more once stopped', async () => {
    await setSyncAuth({ token: TOKEN, enrolledAt: T0.toISOString() })
    await tap()
    const api = fakeApi(() => new ApiError(503, 'server', 'down'))
    // random 0: the retry would come after 500 ms.
    const engine = createSyncEngine({ api, random: () => 0 })
    expect(await engine.syncNow()).toBe('retrying')
    engine.stop()
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(api.pushes).toHaveLength(1)
  })

  it('reports storage it cannot read as storage-failed, sending nothing', async () => {
    await setSyncAuth({ token: TOKEN, enrolledAt: T0.toISOString() })
    const api = fakeApi(() => 'accepted')
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(db.meta, 'get').mockRejectedValue(new Error('unreadable'))
    expect(await createSyncEngine({ api }).syncNow('timer')).toBe('storage-failed')
    expect(api.pushes).toHaveLength(0)
    vi.restoreAllMocks()
  })
})
