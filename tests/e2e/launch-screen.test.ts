import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { AppServer } from './support/app-server'
import { createEvent, waitForActiveServiceWorker } from './support/app-page'
import { violations } from './support/axe'
import { Tablet } from './support/browser'

/*
 * The launch screen (src/app/boot/launch-screen.ts): a relaunch paints the events screen as the
 * app last rendered it, before the app's script runs. To see that state, the page's init script
 * holds the app's script back (the launch script appends it to <head> once its read answered)
 * until the test lets it go.
 */
const HOLD_APP = `
  const append = Element.prototype.append
  const held = []
  Element.prototype.append = function (...nodes) {
    const app = nodes.some((node) => node instanceof HTMLScriptElement && node.src.includes('/assets/index-'))
    if (this === document.head && app) return void held.push(() => append.apply(this, nodes))
    return append.apply(this, nodes)
  }
  window.__releaseApp = () => {
    Element.prototype.append = append
    held.splice(0).forEach((start) => start())
  }
`

async function storedLaunchScreen(page: Page): Promise<{ locale: string; html: string } | undefined> {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('corner')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const get = open.result.transaction('meta').objectStore('meta').get('launchScreen')
      get.onsuccess = () => {
        open.result.close()
        resolve((get.result as { value?: { locale: string; html: string } } | undefined)?.value)
      }
    }
  }))
}

const releaseApp = (page: Page) => page.evaluate(() => (window as unknown as { __releaseApp: () => void }).__releaseApp())

const appMounted = (page: Page) => page.evaluate(() => document.getElementById('app')?.hasAttribute('data-v-app'))

describe('a relaunched tablet shows its events before the app is up', () => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page
  let eventPath = ''

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
    await page.goto(server.url)
    await waitForActiveServiceWorker(page)
    await createEvent(page, 'Festa del paese')
    eventPath = new URL(page.url()).pathname
    await page.goto(server.url)
    await page.locator('.event-link', { hasText: 'Festa del paese' }).waitFor()
    await vi.waitFor(async () => expect((await storedLaunchScreen(page))?.html ?? '').toContain('Festa del paese'))
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  /**
   * Kills the browser (or, `closed`, closes it: Chromium writes localStorage to disk only a
   * while after a change) and opens the app again offline, with the app's script held back.
   */
  async function relaunchHeld(closed = false): Promise<void> {
    await (closed ? tablet.shutDown() : tablet.kill())
    const context = await tablet.launch()
    await context.setOffline(true)
    await context.addInitScript(HOLD_APP)
    page = await tablet.page()
    await page.goto(server.url)
  }

  it('paints the list offline before the app runs, passes axe, and follows a link tapped on it once the app is up', async () => {
    await relaunchHeld()
    await page.locator('.event-link', { hasText: 'Festa del paese' }).waitFor()
    expect(await appMounted(page)).toBe(false)
    // Served in the page by the service worker (src/sw/launch-page.ts), not painted by the launch script.
    await page.waitForFunction(() => performance.getEntriesByName('corner:launch-served').length === 1)
    expect(await page.evaluate(() => performance.getEntriesByName('corner:launch-screen').length)).toBe(1)
    // Only what cannot go stale: no sync badge, no banner.
    expect(await page.locator('[data-testid="sync-badge"], .offline-banner').count()).toBe(0)
    expect(await violations(page)).toEqual([])

    await page.locator('.event-link', { hasText: 'Festa del paese' }).click()
    expect(new URL(page.url()).pathname).toBe('/')
    await releaseApp(page)
    await page.waitForURL((url) => url.pathname === eventPath)
    await page.getByRole('heading', { level: 1, name: 'Festa del paese' }).waitFor()
    expect(await appMounted(page)).toBe(true)
  })

  it('in the language chosen on the tablet', async () => {
    await tablet.context!.setOffline(false)
    await page.evaluate(() => localStorage.setItem('corner.locale', 'en'))
    // This browser's pages hold the app's script back (relaunchHeld): let it go.
    await page.goto(server.url)
    await releaseApp(page)
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor()
    await vi.waitFor(async () => expect((await storedLaunchScreen(page))?.locale).toBe('en'))

    await relaunchHeld(true)
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor()
    expect(await appMounted(page)).toBe(false)
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr'])
    expect(await violations(page)).toEqual([])
    await releaseApp(page)
    await page.waitForFunction(() => document.getElementById('app')?.hasAttribute('data-v-app'))
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor()
  })

  it('shows nothing of a screen kept in another language than the one the tablet starts in', async () => {
    // Kept in English above; the language changed since, and the worker cannot see it (localStorage).
    await page.evaluate(() => localStorage.setItem('corner.locale', 'it'))
    expect((await storedLaunchScreen(page))?.locale).toBe('en')
    await relaunchHeld(true)
    await page.waitForFunction(() => performance.getEntriesByName('corner:launch-read').length > 0 && document.readyState !== 'loading')
    expect(await page.evaluate(() => performance.getEntriesByName('corner:launch-served').length)).toBe(0)
    expect(await page.locator('#app').evaluate((root) => [root.childNodes.length, root.getAttributeNames()])).toEqual([0, ['id']])
    await releaseApp(page)
    await page.getByRole('heading', { level: 1, name: 'Eventi' }).waitFor()
    await vi.waitFor(async () => expect((await storedLaunchScreen(page))?.locale).toBe('it'))
  })

  it('paints nothing when the events changed since the screen was kept: the app shows them itself', async () => {
    // Renamed behind the app's back (as a sync could while another screen was open).
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('corner')
      open.onsuccess = () => {
        const store = open.result.transaction('events', 'readwrite').objectStore('events')
        const cursor = store.openCursor()
        cursor.onsuccess = () => {
          const row = cursor.result
          if (!row) return resolve(open.result.close())
          if (row.value.name === 'Festa del paese') row.update({ ...row.value, name: 'Festa del borgo' })
          row.continue()
        }
        cursor.onerror = () => reject(cursor.error)
      }
    }))
    await relaunchHeld()
    await page.waitForFunction(() => performance.getEntriesByName('corner:launch-read').length > 0)
    expect(await page.locator('#app').evaluate((root) => root.childNodes.length)).toBe(0)
    await releaseApp(page)
    await page.locator('.event-link', { hasText: 'Festa del borgo' }).waitFor()
    expect(await page.locator('.event-link', { hasText: 'Festa del paese' }).count()).toBe(0)
  })
})
