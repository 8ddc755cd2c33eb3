import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppServer } from './support/app-server'
import { violations } from './support/axe'
import { chooseLocale } from './support/axe-screens'
import { Tablet } from './support/browser'

describe.each(['it', 'en'] as const)('every coordinator screen in %s, in each of its states: axe finds nothing', (locale) => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page
  const open = async (path: string, ready: string) => {
    await page.goto(`${server.url}${path}`)
    await page.locator(ready).first().waitFor()
  }

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
    await page.goto(server.url)
    await chooseLocale(page, locale)
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('login: empty, then refused', async () => {
    await open('/coordinator/login', '#coord-username')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
    expect(await violations(page)).toEqual([])
    await page.locator('#coord-username').fill('admin')
    await page.locator('#coord-password').fill('not-the-password')
    await page.getByTestId('coordinator-login').click()
    await page.locator('.coord-alert').waitFor()
    expect(await violations(page)).toEqual([])
    await page.locator('#coord-password').fill('e2e-password-123')
    await page.getByTestId('coordinator-login').click()
    await page.getByTestId('coordinator-events').waitFor()
  })

  it('events: the list, and the new event form with its errors', async () => {
    expect(await violations(page)).toEqual([])
    await page.getByTestId('coordinator-new-event').click()
    await page.locator('#name').waitFor()
    expect(await violations(page)).toEqual([])
    await page.getByTestId('coordinator-save-event').click()
    await page.locator('.field-error').first().waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('tablets: a new code, a re-enrolment code, a revocation asked and done', async () => {
    await open('/coordinator/devices', '#enrol-label')
    expect(await violations(page)).toEqual([])
    await page.locator('#enrol-label').fill('Tablet A')
    await page.getByTestId('enrol-tablet').click()
    const code = (await page.getByTestId('enrol-code').textContent())?.trim()
    const enrolled = await fetch(`${server.url}/api/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ code, deviceId: randomUUID() }),
    })
    expect(enrolled.status).toBe(200)
    await page.getByTestId('devices-reload').click()
    const actions = page.locator('[data-device-id] .coord-actions button')
    await actions.first().click()
    await page.locator('[aria-labelledby="coord-reenrol-title"] [data-testid="enrol-qr"]').waitFor()
    expect(await violations(page)).toEqual([])
    await actions.nth(1).click()
    await page.locator('.coord-confirm').waitFor()
    expect(await violations(page)).toEqual([])
    await page.locator('.coord-confirm .coord-btn-danger').click()
    await page.locator('[data-testid="device-status"].is-off').waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('accounts: the form with its errors, and a disabling asked', async () => {
    await open('/coordinator/accounts', '[data-testid="coordinator-accounts"]')
    await page.locator('#account-username').fill('a b')
    await page.locator('#account-password').fill('short')
    await page.getByTestId('add-account').click()
    await page.locator('.field-error').first().waitFor()
    expect(await violations(page)).toEqual([])
    await page.locator('#account-username').fill(`second.${locale}`)
    await page.locator('#account-password').fill('a-long-enough-password')
    await page.getByTestId('add-account').click()
    const second = page.locator('tbody tr', { has: page.getByRole('rowheader', { name: `second.${locale}`, exact: true }) })
    await second.getByRole('button').click()
    await page.locator('.coord-confirm').waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('reports: dashboard with no data and a refused period, event report, indicators and their refused targets, exports', async () => {
    await open('/coordinator/dashboard', '[data-testid="report-as-of"]')
    expect(await violations(page)).toEqual([])
    await page.locator('#filter-from').fill('2026-05-10')
    await page.locator('#filter-to').fill('2026-05-01')
    await page.getByTestId('report-apply').click()
    await page.locator('#filter-to-error').waitFor()
    expect(await violations(page)).toEqual([])
    const eventId = await page.locator('#filter-event option').nth(1).getAttribute('value')
    await open(`/coordinator/reports/events/${eventId}`, '[data-testid="event-report-meta"]')
    await page.locator('[data-testid="report-as-of"]').waitFor()
    expect(await violations(page)).toEqual([])
    await open('/coordinator/indicators', '[data-testid="targets-form"]')
    expect(await violations(page)).toEqual([])
    await page.locator('#target-training').fill('-1')
    await page.getByTestId('save-targets').click()
    await page.locator('[data-testid="targets-form"] .field-error').waitFor()
    expect(await violations(page)).toEqual([])
    await open('/coordinator/exports', '[data-testid="export-download"]')
    expect(await violations(page)).toEqual([])
    await page.getByTestId('export-scope-period').check()
    await page.locator('[data-testid="exports-form"] .field-error').first().waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('kits: the list with a copy asked, a refused file, and the edit form with its error', async () => {
    await open('/coordinator/kits', '[data-testid="coordinator-kits"]')
    expect(await violations(page)).toEqual([])
    await page.locator('[data-kit-id] .coord-actions button').first().click()
    await page.getByTestId('kit-copy').click()
    await page.locator('[data-error-code="name_required"]').waitFor()
    expect(await violations(page)).toEqual([])
    await page.getByTestId('kit-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json') })
    await page.locator('[data-error-code="bad_json"]').waitFor()
    expect(await violations(page)).toEqual([])
    await page.locator('[data-kit-id] .coord-actions a').nth(1).click()
    await page.getByTestId('kit-form').waitFor()
    expect(await violations(page)).toEqual([])
    await page.locator('#kit-name').fill(' ')
    await page.getByTestId('kit-save').click()
    await page.locator('[data-error-code="name_required"]').waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('password: the form, and what is wrong with it', async () => {
    await open('/coordinator/password', '#password-current')
    expect(await violations(page)).toEqual([])
    await page.getByTestId('change-password').click()
    await page.locator('.field-error').first().waitFor()
    expect(await violations(page)).toEqual([])
  })
})
