import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppRelease } from './support/app-release'
import { AppServer } from './support/app-server'
import { createEvent, waitForActiveServiceWorker } from './support/app-page'
import { violations } from './support/axe'
import { chooseLocale, screenViolations } from './support/axe-screens'
import { Tablet } from './support/browser'
import { Coordinator } from './support/central'
import { tap } from './support/sync-flow'
import { tabletDeviceId } from './support/tablet-data'

describe('every operator screen in each of its states, in Italian and English: axe finds nothing', () => {
  const release = new AppRelease()
  const server = new AppServer()
  const coordinator = new Coordinator(server)
  const tablet = new Tablet()
  let page: Page
  let tapPath = ''

  beforeAll(async () => {
    await server.start({ STATIC_ROOT: release.root })
    await coordinator.login()
    await tablet.launch()
    page = await tablet.page()
    await page.goto(server.url)
    await waitForActiveServiceWorker(page)
    await page.goto(`${server.url}/events/new`)
    await createEvent(page, 'Fiera degli stati')
    tapPath = new URL(page.url()).pathname
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
    release.dispose()
  })

  it('with records queued: the badge in the header, readable on every screen, the settings one included', async () => {
    await tap(page, 2)
    const badge = '[data-testid="sync-badge"]'
    expect(await screenViolations(page, server.url, [
      { path: '/', ready: badge }, { path: tapPath, ready: badge }, { path: `${tapPath}/export`, ready: badge },
      { path: '/events/new', ready: badge }, { path: '/settings', ready: `${badge}[aria-current="page"]` },
    ])).toEqual([])
  })

  it('offline: the banner says the data stays on the tablet', async () => {
    await tablet.context!.setOffline(true)
    try {
      expect(await screenViolations(page, server.url, [
        { path: '/', ready: '.offline-banner' }, { path: tapPath, ready: '.offline-banner' }, { path: '/settings', ready: '.offline-banner' },
      ])).toEqual([])
    } finally {
      await tablet.context!.setOffline(false)
    }
  })

  it('with a full disk: the tap is refused loudly', async () => {
    for (const locale of ['it', 'en'] as const) {
      await chooseLocale(page, locale)
      await page.goto(`${server.url}${tapPath}`)
      await page.waitForFunction((lang) => document.documentElement.lang === lang, locale)
      await page.evaluate(() => {
        IDBObjectStore.prototype.add = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        }
      })
      await page.locator('[data-topic="smoking"]').click()
      await page.getByTestId('storage-alert').waitFor()
      expect(await violations(page), locale).toEqual([])
    }
  })

  it('with the central server unreachable: the last error and the next retry', async () => {
    const { code } = await coordinator.enrolmentCode()
    await page.goto(`${server.url}/enrol?code=${code}`)
    await page.getByTestId('enrol-submit').click()
    await page.getByTestId('enrol-done').waitFor()
    await server.stop()
    try {
      await page.goto(`${server.url}/settings`)
      await page.getByTestId('sync-now').click()
      await page.getByTestId('sync-last-error').waitFor()
      expect(await screenViolations(page, server.url, [
        { path: '/settings', ready: '[data-testid="sync-last-error"]' }, { path: tapPath, ready: '[data-testid="sync-badge"].is-error' },
      ])).toEqual([])
    } finally {
      await server.start({ STATIC_ROOT: release.root })
    }
  })

  it('revoked by the coordinator: asked to enrol again, with the queue kept', async () => {
    await coordinator.revoke(await tabletDeviceId(page))
    await page.goto(`${server.url}/settings`)
    // An automatic sync may get the 401 first; otherwise the operator's "sync now" does.
    await page.getByTestId('sync-now').click({ timeout: 3_000 }).catch(() => undefined)
    await page.locator('#enrol-code').waitFor()
    expect(await screenViolations(page, server.url, [
      { path: '/settings', ready: '#enrol-code' }, { path: '/', ready: '[data-testid="sync-badge"].is-error' },
    ])).toEqual([])
  })

  it('with storage that cannot be read: every screen says so instead of loading forever', async () => {
    const broken = await tablet.context!.newPage()
    await broken.setViewportSize({ width: 1280, height: 800 })
    await broken.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('Internal error opening backing store', 'UnknownError')
      }
    })
    try {
      await broken.goto(server.url)
      const failed = '[data-testid="read-failed"]'
      expect(await screenViolations(broken, server.url, [
        { path: '/', ready: failed }, { path: '/events/new', ready: failed }, { path: tapPath, ready: failed },
        { path: `${tapPath}/export`, ready: failed }, { path: '/settings', ready: failed },
      ])).toEqual([])
    } catch (error) {
      // This test has failed once in a while and passed on CI's retry, which does not print the
      // failed attempt's error: printed here, with what the page showed, to find the cause.
      const shown = await broken.evaluate(() => `${location.pathname} lang=${document.documentElement.lang}: ${document.body.innerText.slice(0, 300)}`).catch(() => '?')
      console.error(`storage that cannot be read: attempt failed on ${shown}\n`, error)
      throw error
    } finally {
      await broken.close()
    }
  })

  it('with a new version waiting for the operator', async () => {
    release.publish('2')
    await page.goto(`${server.url}/`)
    // What the hourly check does (pwa-update.test.ts proves it runs); the offer then stays on every screen.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
    const offer = '[data-testid="pwa-toast"] .btn-primary'
    await page.locator(offer).waitFor({ timeout: 30_000 })
    expect(await screenViolations(page, server.url, [
      { path: '/', ready: offer }, { path: tapPath, ready: offer }, { path: '/settings', ready: offer },
    ])).toEqual([])
  })
})
