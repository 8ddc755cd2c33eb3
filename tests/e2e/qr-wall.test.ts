import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoContents } from '../../src/shared/demo-contents'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { trackedCode } from '../../src/shared/qr-codes'
import { waitForActiveServiceWorker } from './support/app-page'
import { AppServer } from './support/app-server'
import { screenshotForDocs, violations } from './support/axe'
import { Tablet } from './support/browser'
import { decodeQr } from './support/qr-decode'

describe('the QR wall on a tablet', () => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page
  const wall = () => page.getByTestId('wall-qr')
  const expected = async (contentId: string) => `${server.url}/q/${await trackedCode(DEMO_EVENT_ID, contentId)}`
  const shownContent = () => page.locator('.qr-slide').getAttribute('data-content-id')

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
    await page.goto(server.url)
    await waitForActiveServiceWorker(page)
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('opens from the event screen and shows each demo content with a code that decodes to its landing page', async () => {
    await page.goto(`${server.url}/events/${DEMO_EVENT_ID}`)
    await page.getByTestId('open-qr-wall').click()
    await wall().waitFor()
    expect(await violations(page)).toEqual([])
    const seen = new Set<string>()
    for (let i = 0; i < demoContents.length; i++) {
      const id = (await shownContent())!
      await expect.poll(async () => wall().getAttribute('data-link')).toBe(await expected(id))
      expect(await decodeQr(wall())).toBe(await expected(id))
      seen.add(id)
      await page.getByTestId('wall-next').click()
    }
    expect(seen).toEqual(new Set(demoContents.map((c) => c.id)))
  })

  it('shows the message in Arabic, right to left, and axe finds nothing', async () => {
    await page.getByTestId('wall-language').selectOption('ar')
    await page.locator('.qr-slide[lang="ar"][dir="rtl"]').waitFor()
    const id = await shownContent()
    expect(await page.locator('.qr-message').textContent()).toBe(demoContents.find((c) => c.id === id)?.message.ar)
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, 'qr-wall-ar')
    await page.getByTestId('wall-language').selectOption('it')
    await screenshotForDocs(page, 'qr-wall')
  })

  it('rotates by itself when asked', async () => {
    await page.clock.install()
    const before = await shownContent()
    await page.getByTestId('wall-rotate').click()
    expect(await page.getByTestId('wall-rotate').getAttribute('aria-pressed')).toBe('true')
    await page.clock.runFor(21_000)
    await expect.poll(shownContent).not.toBe(before)
    expect(await violations(page)).toEqual([])
  })

  it('works offline after a reload, with codes that still decode', async () => {
    await tablet.context!.setOffline(true)
    await page.reload()
    await wall().waitFor()
    const id = (await shownContent())!
    expect(await decodeQr(wall())).toBe(await expected(id))
    await tablet.context!.setOffline(false)
  })
})
