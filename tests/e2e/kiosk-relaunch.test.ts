import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids'
import { waitForActiveServiceWorker } from './support/app-page'
import { AppServer } from './support/app-server'
import { Tablet } from './support/browser'
import { SLOW, enterKiosk, kioskStep, leaveKiosk } from './support/kiosk-flow'

const kioskPath = `/events/${DEMO_EVENT_ID}/kiosk`
const path = (page: Page) => new URL(page.url()).pathname

describe('a tablet relaunched while its kiosk runs', () => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
    await page.goto(server.url)
    await waitForActiveServiceWorker(page)
    await page.reload()
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 15_000 })
    await page.goto(`${server.url}/settings`)
    await page.getByLabel('Nuovo PIN (da 4 a 8 cifre)').fill('2468')
    await page.getByLabel('Ripeta il PIN').fill('2468')
    await page.getByRole('button', { name: 'Salva il PIN' }).click()
    await page.getByTestId('pin-set').waitFor()
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('lands back in the kiosk when reloaded or relaunched at / offline, and when the operator app is opened', async () => {
    await page.goto(`${server.url}/events/${DEMO_EVENT_ID}/surveys`)
    await enterKiosk(page, TEMPLATE_SURVEY_IDS.standSatisfaction)
    await tablet.context!.setOffline(true)

    await page.goto(`${server.url}/`)
    await expect.poll(() => kioskStep(page), SLOW).toBe('attract')
    expect(path(page)).toBe(kioskPath)
    expect(await page.locator('header, nav, a').count()).toBe(0)

    // The operator app opened in a second tab (or a typed address) while the kiosk runs.
    const other = await tablet.context!.newPage()
    await other.goto(`${server.url}/settings`)
    await expect.poll(() => kioskStep(other), SLOW).toBe('attract')
    expect(path(other)).toBe(kioskPath)
    await other.close()

    // The browser killed and started again on the same profile, still offline, at the app's start_url.
    await tablet.kill()
    await tablet.launch()
    await tablet.context!.setOffline(true)
    page = await tablet.page()
    await page.goto(`${server.url}/`)
    await expect.poll(() => kioskStep(page), SLOW).toBe('attract')
    expect(path(page)).toBe(kioskPath)
    expect(new URL(page.url()).searchParams.get('survey')).toBe(TEMPLATE_SURVEY_IDS.standSatisfaction)
  })

  it('opens the operator app again once the operator has left with the PIN', async () => {
    await leaveKiosk(page, '2468')
    await page.goto(`${server.url}/`)
    await page.getByTestId('new-event').waitFor()
    expect(path(page)).toBe('/')
    expect(await page.getByTestId('kiosk').count()).toBe(0)
    await tablet.kill()
    await tablet.launch()
    await tablet.context!.setOffline(true)
    page = await tablet.page()
    await page.goto(`${server.url}/`)
    await page.getByTestId('new-event').waitFor()
    expect(await page.getByTestId('kiosk').count()).toBe(0)
  })
})
