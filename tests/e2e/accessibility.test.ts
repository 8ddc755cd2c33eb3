import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppServer } from './support/app-server'
import { createEvent } from './support/app-page'
import { screenshotForDocs, violations } from './support/axe'
import { Tablet } from './support/browser'


describe.each(['it', 'en'] as const)('every operator screen in %s', (locale) => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
    await page.goto(`${server.url}/settings`)
    await page.getByTestId('locale').selectOption(locale)
    await page.waitForFunction((lang) => document.documentElement.lang === lang, locale)
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('settings and diagnostics', async () => {
    await expect.poll(() => page.getByTestId('persisted').textContent()).not.toBe('')
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, `settings-${locale}`)
  })

  it('the event list, with the demo event only', async () => {
    await page.goto(server.url)
    await page.getByTestId('new-event').waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('the new event form, also when it shows errors', async () => {
    await page.getByTestId('new-event').click()
    await page.locator('#name').waitFor()
    expect(await violations(page)).toEqual([])
    await page.getByTestId('create-event').click()
    await page.locator('.field-error').first().waitFor()
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, `event-form-errors-${locale}`)
  })

  it('the tap grid with its optional details open, after a tap', async () => {
    await page.goto(`${server.url}/events/new`)
    await createEvent(page, 'Fiera di Lodi', locale)
    await page.locator('summary').click()
    await page.locator('[data-topic="smoking"]').click()
    await expect.poll(() => page.getByTestId('count-event').textContent()).toBe('1')
    expect(await violations(page)).toEqual([])
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshotForDocs(page, `tap-grid-${locale}`)
  })

  it('the export screen', async () => {
    await page.goto(`${page.url()}/export`)
    await page.getByTestId('export-csv').waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('the enrolment screen, also with an invalid code', async () => {
    await page.goto(`${server.url}/enrol?code=NOPE1234`)
    await page.getByTestId('enrol-submit').click()
    await page.locator('#enrol-error').waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('reflows at 320 CSS px wide (a 1280 px screen at 400 % zoom): no sideways scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 })
    try {
      for (const path of ['/', '/settings', '/events/new', new URL(page.url()).pathname.replace(/\/export$/, '')]) {
        await page.goto(`${server.url}${path}`)
        await page.locator('main h1').first().waitFor()
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320)
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 })
    }
  })

  it('the event list with an event', async () => {
    await page.goto(server.url)
    await page.locator('.event-link').first().waitFor()
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, `events-${locale}`)
  })

  it('the QR wall of an event this tablet does not hold', async () => {
    await page.goto(`${server.url}/events/01930000-0000-7000-8000-00000000beef/qr`)
    await page.locator('.qr-note[role="alert"]').waitFor()
    expect(await violations(page)).toEqual([])
  })
})
