import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppServer } from './support/app-server'
import { createEvent, waitForActiveServiceWorker } from './support/app-page'
import { Tablet } from './support/browser'
import { packagedChromium } from './support/chromium-path'

// Always the packaged fallback, whatever this machine has: where a system Chromium exists the rest
// of the suite never runs this browser, and it must not rot unnoticed. It only exists for linux-x64.
describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the packaged fallback browser (@sparticuz/chromium)', () => {
  const server = new AppServer()
  let tablet: Tablet

  beforeAll(async () => {
    await server.start()
  })
  afterAll(async () => {
    await tablet?.close()
    await server.dispose()
  })

  it('runs the PWA: service worker and IndexedDB survive a killed browser, offline', async () => {
    const packaged = packagedChromium()
    tablet = new Tablet(undefined, packaged.path)
    await tablet.launch()
    expect(packaged.version).toContain(tablet.browser!.version())
    let page = await tablet.page()
    await page.goto(server.url)
    expect(await waitForActiveServiceWorker(page)).toBe('activated')
    await createEvent(page, 'Prova del browser di riserva')
    const eventUrl = page.url()

    await tablet.kill()
    await server.stop()
    await tablet.launch()
    await tablet.context!.setOffline(true)
    page = await tablet.page()
    await page.goto(eventUrl)
    await page.getByRole('heading', { level: 1, name: 'Prova del browser di riserva' }).waitFor()
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated')
  })
})
