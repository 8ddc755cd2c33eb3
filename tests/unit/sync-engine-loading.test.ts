import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useSyncStore } from '../../src/app/connection/sync-store'
import { setSyncAuth } from '../../src/app/db/sync-state'
import { freshState } from './support'

// The engine module (and zod with it) is what must not load before enrolment.
const engine = { setFocusEvent: vi.fn(), syncNow: vi.fn(async () => 'ok') }
const startSync = vi.fn(() => engine)
vi.mock('../../src/app/sync/index', () => ({ startSync }))

describe('loading the sync engine', () => {
  beforeEach(async () => {
    await freshState()
    vi.clearAllMocks()
  })

  it('leaves it unloaded on a tablet that is not enrolled, even on the tap screen', async () => {
    const store = useSyncStore()
    store.start()
    await store.focusEvent('event-1')
    await vi.waitFor(() => expect(store.enrolled).toBe(false))
    expect(startSync).not.toHaveBeenCalled()
  })

  it('starts it once the tablet is enrolled, following the event on screen', async () => {
    const store = useSyncStore()
    store.start()
    await store.focusEvent('event-1')
    await setSyncAuth({ token: 'device-token', enrolledAt: new Date().toISOString() })
    await vi.waitFor(() => expect(startSync).toHaveBeenCalled())
    await vi.waitFor(() => expect(engine.setFocusEvent).toHaveBeenCalledWith('event-1'))
  })

  it('starts it at once on a tablet enrolled earlier', async () => {
    await setSyncAuth({ token: 'device-token', enrolledAt: new Date().toISOString() })
    useSyncStore().start()
    await vi.waitFor(() => expect(startSync).toHaveBeenCalled())
  })
})
