import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/app/db/db'
import { recordInteraction } from '../../src/app/db/facts'
import type { SyncEngine, SyncReason } from '../../src/app/sync/sync-engine'
import { withSyncLock } from '../../src/app/sync/single-flight'
import { startSyncTriggers } from '../../src/app/sync/triggers'
import { freshState } from './support'

const EVENT = '01930000-0000-7000-8000-0000000000aa'
const tap = () => recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let visibility: DocumentVisibilityState = 'visible'
function setVisibility(state: DocumentVisibilityState) {
  visibility = state
  document.dispatchEvent(new Event('visibilitychange'))
}

function fakeEngine() {
  const reasons: SyncReason[] = []
  const engine = {
    syncNow: vi.fn(async (reason: SyncReason = 'manual') => {
      reasons.push(reason)
      return 'ok' as const
    }),
    stop: vi.fn(),
  }
  return { engine: engine as unknown as SyncEngine, reasons, stop: engine.stop }
}

describe('when the tablet syncs on its own', () => {
  let stopTriggers: (() => void) | undefined
  beforeEach(async () => {
    await freshState()
    visibility = 'visible'
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
  })
  afterEach(() => {
    stopTriggers?.()
    stopTriggers = undefined
    vi.restoreAllMocks()
  })

  it('syncs at start, on coming online and on becoming visible, never on becoming hidden', async () => {
    const { engine, reasons } = fakeEngine()
    stopTriggers = startSyncTriggers(engine, 60_000, 60_000)
    expect(reasons).toEqual(['start'])
    window.dispatchEvent(new Event('online'))
    setVisibility('hidden')
    expect(reasons).toEqual(['start', 'online'])
    setVisibility('visible')
    expect(reasons).toEqual(['start', 'online', 'visible'])
  })

  it('syncs on its timer while visible only', async () => {
    const { engine, reasons } = fakeEngine()
    stopTriggers = startSyncTriggers(engine, 40, 60_000)
    await vi.waitFor(() => expect(reasons.filter((r) => r === 'timer').length).toBeGreaterThanOrEqual(2))
    visibility = 'hidden'
    const timers = reasons.length
    await pause(150)
    expect(reasons).toHaveLength(timers)
  })

  it('syncs once, shortly after records are queued in a burst, and not when the queue empties', async () => {
    await tap()
    const { engine, reasons } = fakeEngine()
    stopTriggers = startSyncTriggers(engine, 60_000, 80)
    // Long enough after the first reading of the queue, on a busy machine too, for a wrong trigger to have fired.
    await pause(300)
    expect(reasons).toEqual(['start'])
    for (let i = 0; i < 3; i++) await tap()
    await vi.waitFor(() => expect(reasons).toEqual(['start', 'queued']))
    await pause(150)
    expect(reasons).toEqual(['start', 'queued'])
    await db.outbox.clear()
    await pause(150)
    expect(reasons).toEqual(['start', 'queued'])
    await tap()
    await vi.waitFor(() => expect(reasons).toEqual(['start', 'queued', 'queued']))
  })

  it('stops listening, and stops the engine, when stopped', async () => {
    const { engine, reasons, stop } = fakeEngine()
    startSyncTriggers(engine, 40, 40)()
    window.dispatchEvent(new Event('online'))
    setVisibility('visible')
    await tap()
    await pause(150)
    expect(reasons).toEqual(['start'])
    expect(stop).toHaveBeenCalledOnce()
  })
})

describe('one syncer per tablet', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('runs a second sync of this page only once the first has finished, even when it failed', async () => {
    let finish!: () => void
    const first = withSyncLock(() => new Promise<string>((resolve) => (finish = () => resolve('first'))))
    expect(await withSyncLock(async () => 'second')).toBeUndefined()
    finish()
    expect(await first).toBe('first')
    await expect(withSyncLock(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await withSyncLock(async () => 'third')).toBe('third')
  })

  it('asks Web Locks for the lock only if it is free, across tabs', async () => {
    const held = new Set<string>()
    const request = vi.fn(async (name: string, options: { ifAvailable?: boolean }, task: (lock: object | null) => Promise<unknown>) => {
      if (held.has(name)) return task(options.ifAvailable ? null : {})
      held.add(name)
      try {
        return await task({ name })
      } finally {
        held.delete(name)
      }
    })
    vi.stubGlobal('navigator', { ...navigator, locks: { request } })
    let finish!: () => void
    const otherTab = withSyncLock(() => new Promise<string>((resolve) => (finish = () => resolve('other tab'))))
    expect(await withSyncLock(async () => 'this tab')).toBeUndefined()
    finish()
    expect(await otherTab).toBe('other tab')
    expect(await withSyncLock(async () => 'this tab')).toBe('this tab')
    expect(request).toHaveBeenCalledWith('corner-sync', { ifAvailable: true }, expect.any(Function))
  })
})
