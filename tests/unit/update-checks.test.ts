import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UPDATE_CHECK_INTERVAL_MS, scheduleUpdateChecks } from '../../src/app/pwa/update-checks'

describe('checking for a new app version', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const registration = () => ({ installing: null as ServiceWorker | null, update: vi.fn(async () => undefined) })

  it('asks the server every hour while online, and never before the hour', () => {
    const reg = registration()
    const stop = scheduleUpdateChecks(reg, { online: () => true })
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS - 1)
    expect(reg.update).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(reg.update).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(2 * UPDATE_CHECK_INTERVAL_MS)
    expect(reg.update).toHaveBeenCalledTimes(3)
    stop()
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS)
    expect(reg.update).toHaveBeenCalledTimes(3)
  })

  it('skips the check while offline, and while a new version is already installing', () => {
    const reg = registration()
    let online = false
    scheduleUpdateChecks(reg, { online: () => online })
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS)
    expect(reg.update).not.toHaveBeenCalled()
    online = true
    reg.installing = {} as ServiceWorker
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS)
    expect(reg.update).not.toHaveBeenCalled()
    reg.installing = null
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS)
    expect(reg.update).toHaveBeenCalledTimes(1)
  })

  it('tries again at the next hour when a check fails', async () => {
    const reg = registration()
    reg.update.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    scheduleUpdateChecks(reg, { online: () => true })
    await vi.advanceTimersByTimeAsync(2 * UPDATE_CHECK_INTERVAL_MS)
    expect(reg.update).toHaveBeenCalledTimes(2)
  })
})
