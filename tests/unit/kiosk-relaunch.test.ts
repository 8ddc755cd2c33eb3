import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearActiveKiosk, markKioskActive, readActiveKiosk, resetActiveKioskCache } from '../../src/app/db/active-kiosk'
import { db } from '../../src/app/db/db'
import { returnToActiveKiosk } from '../../src/app/kiosk/kiosk-relaunch-guard'
import { routes } from '../../src/app/modules/router'
import { freshState } from './support'

const EVENT = '01930000-0000-7000-8000-0000000000aa'
const SURVEY = '01930000-0000-7000-8000-0000000000bb'

async function landing(path: string): Promise<string> {
  const router = createRouter({ history: createMemoryHistory(), routes })
  router.beforeEach(returnToActiveKiosk)
  await router.push(path)
  return router.currentRoute.value.fullPath
}

describe('the kiosk a relaunch returns to', () => {
  beforeEach(freshState)

  it('sends every address to the running kiosk, as read back after a reload, until the PIN exit clears it', async () => {
    expect(await landing('/')).toBe('/')
    await markKioskActive({ eventId: EVENT, surveyId: SURVEY })
    // A new page: nothing in memory, the row read from IndexedDB.
    resetActiveKioskCache()
    for (const path of ['/', '/settings', `/events/${EVENT}`, '/events/01930000-0000-7000-8000-0000000000cc/kiosk', '/coordinator']) {
      expect(await landing(path)).toBe(`/events/${EVENT}/kiosk?survey=${SURVEY}`)
    }
    expect(await landing(`/events/${EVENT}/kiosk?survey=${SURVEY}`)).toBe(`/events/${EVENT}/kiosk?survey=${SURVEY}`)
    await clearActiveKiosk()
    expect(await landing('/settings')).toBe('/settings')
    resetActiveKioskCache()
    expect([await readActiveKiosk(), await landing('/')]).toEqual([null, '/'])
  })

  it('lets the navigation through when the storage cannot be read', async () => {
    await markKioskActive({ eventId: EVENT, surveyId: SURVEY })
    resetActiveKioskCache()
    db.close()
    try {
      expect(await landing('/settings')).toBe('/settings')
    } finally {
      await db.open()
    }
  })
})
