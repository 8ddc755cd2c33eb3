import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { AppServer } from './support/app-server'
import { violations } from './support/axe'
import { chooseLocale } from './support/axe-screens'
import { Tablet } from './support/browser'
import { decodeQr } from './support/qr-decode'

function png(size: number, noise = false): Buffer {
  const image = new PNG({ width: size, height: size })
  for (let i = 0; i < image.data.length; i++) image.data[i] = noise ? Math.floor(Math.random() * 256) : i % 4 === 3 ? 255 : 120
  return PNG.sync.write(image)
}

describe('the coordinator keeps the content catalogue, attaches contents to kits and prints the event kit', () => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page
  const upload = async (name: string, mimeType: string, buffer: Buffer) => {
    await page.getByTestId('thumbnail-input').setInputFiles({ name, mimeType, buffer })
  }
  let serverCodes: { code: string; url: string }[] = []
  const refusal = () => page.locator('#content-thumbnail-error')

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
    await page.goto(`${server.url}/coordinator/login`)
    await chooseLocale(page, 'en')
    await page.reload()
    await page.locator('#coord-username').fill('admin')
    await page.locator('#coord-password').fill('e2e-password-123')
    await page.getByTestId('coordinator-login').click()
    await page.getByTestId('coordinator-events').waitFor()
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('lists the demo contents; axe finds nothing', async () => {
    await page.goto(`${server.url}/coordinator/contents`)
    await page.getByTestId('contents-table').waitFor()
    expect(await page.locator('[data-testid="contents-table"] tbody tr').count()).toBe(3)
    expect(await violations(page)).toEqual([])
  })

  it('explains a link that is not https or not on its platform, and saves nothing', async () => {
    await page.getByTestId('content-new').click()
    await page.locator('#content-url').waitFor()
    await page.locator('#title-it').fill('Camminare fa bene')
    await page.locator('#message-it').fill('Trenta minuti al giorno.')
    await page.locator('#title-en').fill('Walking is good for you')
    await page.locator('#message-en').fill('Thirty minutes a day.')
    await page.locator('#content-url').fill('http://www.instagram.com/p/abc')
    await page.getByTestId('content-save').click()
    expect(await page.getByTestId('url-error').textContent()).toContain('Only https:// links.')
    await page.locator('#content-url').fill('https://evil.example.com/p/abc')
    await page.getByTestId('content-save').click()
    expect(await page.getByTestId('url-error').textContent()).toContain('This is not an Instagram link.')
    expect(await violations(page)).toEqual([])
  })

  it('refuses a non-image, an SVG and an oversize file with the reason, then takes a PNG', async () => {
    await upload('photo.png', 'image/png', Buffer.from('just some text, not a picture'))
    await expect.poll(() => refusal().getAttribute('data-reason')).toBe('not_an_image')
    expect(await refusal().textContent()).toContain('not an image')
    expect(await violations(page)).toEqual([])
    await upload('../../etc/logo.png', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script></svg>'))
    await expect.poll(() => refusal().getAttribute('data-reason')).toBe('svg')
    expect(await refusal().textContent()).toContain('SVG')
    await upload('big.png', 'image/png', png(400, true))
    await expect.poll(() => refusal().getAttribute('data-reason')).toBe('too_large')
    expect(await refusal().textContent()).toContain('too big')
    expect(await page.getByTestId('thumbnail-preview').count()).toBe(0)
    await upload('walk.png', 'image/png', png(64))
    await page.getByTestId('thumbnail-preview').waitFor()
    expect(await refusal().count()).toBe(0)
    expect(await page.getByTestId('thumbnail-preview').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64)
  })

  it('saves a valid content and attaches it to the demo kit', async () => {
    await page.locator('#content-url').fill('https://www.instagram.com/p/walk')
    await page.getByTestId('content-save').click()
    await page.getByTestId('contents-table').waitFor()
    expect(await page.locator('[data-testid="contents-table"] tbody tr').count()).toBe(4)
    const box = page.locator('.coord-kit').first().locator('input[type=checkbox]').last()
    await box.check()
    await expect.poll(() => box.isDisabled()).toBe(false)
    await page.reload()
    await page.locator('.coord-kit').first().waitFor()
    expect(await page.locator('.coord-kit').first().locator('input:checked').count()).toBe(4)
  })

  it('shows the event codes with their counts after a scan', async () => {
    const codes = (await (await page.request.get(`${server.url}/api/v1/admin/events/${DEMO_EVENT_ID}/codes`)).json()) as { codes: typeof serverCodes }
    serverCodes = codes.codes
    expect(serverCodes).toHaveLength(4)
    await fetch(`${server.url}/q/${serverCodes[0]!.code}`)
    await page.getByTestId(`codes-${DEMO_EVENT_ID}`).click()
    await page.getByTestId('event-codes').waitFor()
    await expect.poll(async () => (await page.getByTestId('code-scans').allTextContents()).includes('1')).toBe(true)
    expect(await violations(page)).toEqual([])
  })

  it.each(['poster', 'tent', 'flyer'] as const)('prints the %s: every code decodes to its link, axe finds nothing, a PDF comes out', async (layout) => {
    await page.goto(`${server.url}/coordinator/contents/events/${DEMO_EVENT_ID}/print/${layout}`)
    await page.getByTestId('print-pages').waitFor()
    const codes = page.getByTestId('print-qr')
    const count = await codes.count()
    expect(count).toBeGreaterThanOrEqual(4)
    const decoded = new Set<string>()
    for (let i = 0; i < count; i++) {
      const code = codes.nth(i)
      const text = await decodeQr(code)
      expect(text).toBe(await code.getAttribute('data-link'))
      decoded.add(text!)
    }
    // Exactly the event's tracked links, as the server lists them.
    expect(decoded).toEqual(new Set(serverCodes.map((c) => c.url)))
    expect(await violations(page)).toEqual([])
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    // The printed poster for the docs: the first sheet as the print media shows it.
    if (layout === 'poster' && process.env.UPDATE_SCREENSHOTS === '1') await page.locator('.print-page').first().screenshot({ path: 'docs/screenshots/print-poster.png' })
    await page.emulateMedia({ media: 'screen' })
  })
})
