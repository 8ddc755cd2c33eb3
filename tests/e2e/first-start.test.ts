import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppServer } from './support/app-server'
import { Tablet } from './support/browser'

/*
 * A new tablet's first start creates the database. Left mid-way for another page of the app
 * (a typed address, a bookmark), the first page could go into Chromium's back/forward cache,
 * frozen in the middle of that open, and every open of the database on the next page waited
 * behind it: the screen stayed blank (src/app/db/page-cache-guard.ts).
 */
describe('a first start left before it has finished', () => {
  const server = new AppServer()
  beforeAll(() => server.start())
  afterAll(() => server.dispose())

  it('opens the next page of the app all the same, whenever it is left', async () => {
    const outcomes: string[] = []
    // The first start takes a few hundred milliseconds here: leave it at several points of it.
    for (const after of [0, 60, 120, 180, 240]) {
      const tablet = new Tablet()
      try {
        await tablet.launch()
        const page = await tablet.page()
        await page.goto(server.url)
        // The operator picks a language on the first page (as the accessibility tests do).
        await page.evaluate(() => localStorage.setItem('corner.locale', 'en'))
        await page.waitForTimeout(after)
        await page.goto(`${server.url}/coordinator/login`)
        const shown = await page.locator('#coord-username').waitFor({ timeout: 15_000 }).then(() => true, () => false)
        outcomes.push(`left after ${after} ms: ${shown ? 'shown' : 'blank'}`)
      } finally {
        await tablet.close()
      }
    }
    expect(outcomes).toEqual([0, 60, 120, 180, 240].map((after) => `left after ${after} ms: shown`))
  })
})
