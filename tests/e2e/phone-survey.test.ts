import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CONTENT_IDS } from '../../src/shared/demo-content-ids'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { trackedCode } from '../../src/shared/qr-codes'
import { AppServer } from './support/app-server'
import { screenshotForDocs, violations } from './support/axe'
import { Tablet } from './support/browser'

/** The event's survey responses as the server stores them, through the coordinator's FHIR export. */
async function storedResponses(origin: string): Promise<number> {
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ username: 'admin', password: 'e2e-password-123' }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  const bundle = (await (await fetch(`${origin}/api/v1/admin/exports?format=fhir&eventId=${DEMO_EVENT_ID}`, { headers: { cookie } })).json()) as { entry?: { resource: { resourceType: string } }[] }
  return (bundle.entry ?? []).filter((e) => e.resource.resourceType === 'QuestionnaireResponse').length
}

/** Answers every question with its first choice (a number question: skipped when optional). */
async function answerAll(page: Page, beforeLast?: () => Promise<void>) {
  for (let i = 0; i < 12; i++) {
    const step = await page.getByTestId('phone-survey').getAttribute('data-step')
    if (step !== 'question') return
    const choice = page.locator('.survey-question .choice').first()
    if (await choice.count()) await choice.click()
    const progress = (await page.locator('.phone-progress').textContent()) ?? ''
    const [current, total] = progress.match(/\d+/g)!.map(Number)
    if (current === total && beforeLast) {
      await beforeLast()
      if ((await page.getByTestId('phone-survey').getAttribute('data-step')) !== 'question') return
    }
    await page.getByTestId('phone-next').click()
    if (current === total) return
  }
}

describe('the survey on a visitor\'s phone', () => {
  const server = new AppServer()
  const phone = new Tablet()
  let page: Page
  let code = ''
  const pending = () => page.evaluate(() => (JSON.parse(localStorage.getItem('corner.phone.pending') ?? '[]') as unknown[]).length)

  beforeAll(async () => {
    code = await trackedCode(DEMO_EVENT_ID, DEMO_CONTENT_IDS.fluVaccine)
    await server.start()
    await phone.launch()
    page = await phone.page()
    await page.setViewportSize({ width: 390, height: 844 })
  })
  afterAll(async () => {
    await phone.close()
    await server.dispose()
  })

  it('opens from the landing page in the phone\'s language; axe finds nothing', async () => {
    await page.goto(`${server.url}/q/${code}?lang=en`)
    await screenshotForDocs(page, 'landing-phone', true)
    await page.locator(`a[href^="/s/${code}"]`).click()
    await page.getByTestId('phone-start').waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, 'phone-survey')
    await page.getByTestId('phone-start').click()
    await page.locator('.survey-question').waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('completed offline, kept on the phone, sent once when the network returns', async () => {
    await answerAll(page, () => page.context().setOffline(true))
    await page.getByTestId('phone-sent').waitFor()
    expect(await page.getByTestId('phone-sent').getAttribute('data-sent')).toBe('false')
    expect(await pending()).toBe(1)
    expect(await violations(page)).toEqual([])
    expect(await storedResponses(server.url)).toBe(0)
    await page.context().setOffline(false)
    await expect.poll(() => page.getByTestId('phone-sent').getAttribute('data-sent'), { timeout: 15_000 }).toBe('true')
    expect(await pending()).toBe(0)
    expect(await storedResponses(server.url)).toBe(1)
  })

  it('does not ask the same phone twice', async () => {
    await page.goto(`${server.url}/s/${code}`)
    await page.getByTestId('phone-answered').waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('an answer lost after the server stored it, and a double tap on send, still make one response', async () => {
    // Another phone: nothing of the first one's.
    await page.evaluate(() => localStorage.clear())
    let dropped = 0
    await page.route('**/api/v1/codes/*/responses', async (route) => {
      if (dropped > 0) return route.continue()
      dropped += 1
      await route.fetch() // the server commits…
      await route.abort('connectionreset') // …and the phone never hears back
    })
    await page.goto(`${server.url}/s/${code}?lang=ar`)
    await page.getByTestId('phone-start').click()
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    expect(await violations(page)).toEqual([])
    await answerAll(page, async () => {
      await page.getByTestId('phone-next').dblclick()
    })
    await expect.poll(() => page.getByTestId('phone-sent').getAttribute('data-sent'), { timeout: 20_000 }).toBe('true')
    expect(dropped).toBe(1)
    expect(await pending()).toBe(0)
    expect(await storedResponses(server.url)).toBe(2)
    await page.unroute('**/api/v1/codes/*/responses')
  })

  it('explains an unknown code, and one that cannot exist, in words', async () => {
    await page.goto(`${server.url}/s/abcdefghij`)
    await page.locator('[data-step="not_found"]').waitFor()
    expect(await violations(page)).toEqual([])
    const res = await page.goto(`${server.url}/s/not-a-code`)
    expect(res?.status()).toBe(404)
    await page.locator('[data-step="not_found"]').waitFor()
  })
})
