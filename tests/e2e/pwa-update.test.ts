import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppRelease } from './support/app-release'
import { AppServer } from './support/app-server'
import { counters, createEvent, waitForActiveServiceWorker } from './support/app-page'
import { violations } from './support/axe'
import { Tablet } from './support/browser'
import { tap } from './support/sync-flow'
import { tabletState } from './support/tablet-data'

// How many times the browser fetched the worker script: the server logs each request.
const workerFetches = (server: AppServer) => (server.output.match(/\/sw\.js/g) ?? []).length
const build = (page: Page) => page.evaluate(() => document.querySelector('meta[name="corner-build"]')?.getAttribute('content') ?? 'first')

describe('a new version of the app arriving on a tablet left open', () => {
  const release = new AppRelease()
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page

  beforeAll(async () => {
    await server.start({ STATIC_ROOT: release.root })
    const context = await tablet.launch()
    // The page's timers run on a clock the test can move: "an hour later" without waiting one.
    // Set to this morning, so that the hour and ten minutes moved stay within today: started
    // near midnight, the clock would cross it, and "today" on the tap screen would rightly be 0.
    const morning = new Date()
    morning.setHours(8, 0, 0, 0)
    await context.clock.install({ time: morning })
    page = await tablet.page()
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
    release.dispose()
  })

  it('runs the first version, controlled by its service worker, with taps queued', async () => {
    await page.goto(server.url)
    await waitForActiveServiceWorker(page)
    // An update is only offered to a page its worker controls: the second visit is.
    await page.reload()
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
    await createEvent(page, 'Sagra con aggiornamento')
    await tap(page, 3)
    expect((await tabletState(page)).queued).toBe(4)
    expect(await build(page)).toBe('first')
    // The browser checks for a new worker by itself a moment after each navigation: let that
    // check pass before publishing, so only the app's own hourly check can find the release.
    await expect.poll(() => workerFetches(server), { timeout: 15_000 }).toBeGreaterThanOrEqual(2)
  })

  it('offers the new version at the hourly check, and reloads nothing by itself', async () => {
    release.publish('second')
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }))
    const fetchesBefore = workerFetches(server)
    await page.clock.fastForward('00:59:00')
    await page.waitForTimeout(3_000)
    expect(await page.getByTestId('pwa-toast').isVisible()).toBe(false)
    expect(workerFetches(server)).toBe(fetchesBefore)
    await page.clock.fastForward('00:01:00')
    await page.getByText('È disponibile una nuova versione.').waitFor({ timeout: 30_000 })
    // Some time passes with the offer on screen: the page is still the one the operator uses.
    await page.clock.fastForward('00:10:00')
    await page.waitForTimeout(2_000)
    expect(await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true)
    expect(await build(page)).toBe('first')
    expect(await counters(page)).toEqual({ today: '3', event: '3' })
    expect((await tabletState(page)).queued).toBe(4)
    expect(await violations(page)).toEqual([])
  })

  it('applies it when the operator accepts, keeping every queued record, and works offline after', async () => {
    const eventUrl = page.url()
    await page.getByRole('button', { name: 'Aggiorna ora' }).click()
    await expect.poll(() => build(page), { timeout: 30_000 }).toBe('second')
    expect(await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBeUndefined()
    await expect.poll(() => counters(page)).toEqual({ today: '3', event: '3' })
    expect((await tabletState(page)).queued).toBe(4)

    await server.stop()
    await tablet.context!.setOffline(true)
    await page.goto(eventUrl)
    await expect.poll(() => counters(page)).toEqual({ today: '3', event: '3' })
    expect(await build(page)).toBe('second')
  })
})
