import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Content } from '../../src/shared/contents'
import { DEMO_CONTENT_IDS } from '../../src/shared/demo-content-ids'
import { demoContents } from '../../src/shared/demo-contents'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { trackedCode } from '../../src/shared/qr-codes'
import { waitForActiveServiceWorker } from './support/app-page'
import { AppServer } from './support/app-server'
import { screenshotForDocs, violations } from './support/axe'
import { Tablet } from './support/browser'
import { Coordinator } from './support/central'
import { decodeQr } from './support/qr-decode'

describe('the QR wall on a tablet', () => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page
  const wall = () => page.getByTestId('wall-qr')
  const expected = async (contentId: string) => `${server.url}/q/${await trackedCode(DEMO_EVENT_ID, contentId)}`
  const shownContent = () => page.locator('.qr-slide').getAttribute('data-content-id')
  const showContent = async (id: string) => {
    await wall().waitFor()
    for (let i = 0; i < demoContents.length && (await shownContent()) !== id; i++) await page.getByTestId('wall-next').click()
    expect(await shownContent()).toBe(id)
  }

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

  it('linked to the server: shows the content\'s thumbnail and its scans, and keeps the thumbnail offline', async () => {
    const coordinator = new Coordinator(server)
    await coordinator.login()
    const image = new PNG({ width: 48, height: 48 })
    image.data.fill(200)
    // The upload is raw bytes, which the Coordinator helper (JSON only) does not send.
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username: 'admin', password: 'e2e-password-123' }),
    })
    const session = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const uploaded = await fetch(`${server.url}/api/v1/admin/media`, {
      method: 'POST', headers: { 'content-type': 'application/octet-stream', origin: server.url, cookie: session }, body: new Uint8Array(PNG.sync.write(image)),
    })
    expect(uploaded.status).toBe(201)
    const { file } = (await uploaded.json()) as { file: string }
    const { contents } = await coordinator.json<{ contents: Content[] }>('/api/v1/admin/contents')
    const { id, version, retiredAt: _retired, ...fields } = contents.find((c) => c.id === DEMO_CONTENT_IDS.fluVaccine)!
    await coordinator.json(`/api/v1/admin/contents/${id}`, 'PUT', { content: { ...fields, thumbnail: file }, version })
    const code = await trackedCode(DEMO_EVENT_ID, id)
    expect((await fetch(`${server.url}/q/${code}`, { headers: { 'accept-language': 'it' } })).status).toBe(200)

    const { code: enrolment } = await coordinator.enrolmentCode()
    await page.goto(`${server.url}/enrol?code=${enrolment}`)
    await page.getByTestId('enrol-submit').click()
    await page.getByTestId('enrol-done').waitFor()
    await page.goto(`${server.url}/events/${DEMO_EVENT_ID}/qr`)
    await showContent(id)
    const thumb = page.locator('.qr-thumb')
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth).catch(() => 0)).toBe(48)
    await expect.poll(async () => (await page.getByTestId('wall-counts').textContent().catch(() => '')) ?? '').toMatch(/\b1\b/)
    expect(await violations(page)).toEqual([])

    await tablet.context!.setOffline(true)
    await page.reload()
    await showContent(id)
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth).catch(() => 0)).toBe(48)
    await tablet.context!.setOffline(false)
  })
})
