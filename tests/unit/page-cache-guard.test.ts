import { afterEach, describe, expect, it, vi } from 'vitest'
import { launchHandoff } from '../../src/app/boot/launch-handoff'
import { holdPageOutOfCache, releasePageCacheAfter } from '../../src/app/db/page-cache-guard'

afterEach(() => {
  delete launchHandoff().releasePageCache
  vi.restoreAllMocks()
})

describe('the page kept out of the back/forward cache while its first opens run (db/page-cache-guard.ts)', () => {
  it('holds one unload listener however often it is asked, and removes it only once every piece of work has settled', async () => {
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    holdPageOutOfCache()
    holdPageOutOfCache() // the app's copy, after the launch script's
    expect(add.mock.calls.filter(([type]) => type === 'unload')).toHaveLength(1)
    let finish!: () => void
    const slow = new Promise<void>((resolve) => (finish = resolve))
    releasePageCacheAfter([slow, Promise.reject(new Error('a failed open counts as settled'))])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(remove.mock.calls.filter(([type]) => type === 'unload')).toHaveLength(0)
    finish()
    await vi.waitFor(() => expect(remove.mock.calls.filter(([type]) => type === 'unload')).toHaveLength(1))
    expect(remove.mock.calls.find(([type]) => type === 'unload')?.[1]).toBe(add.mock.calls.find(([type]) => type === 'unload')?.[1])
  })
})
