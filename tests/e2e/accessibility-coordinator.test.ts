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

  it('password: the form, and what is wrong with it', async () => {
    await open('/coordinator/password', '#password-current')
    expect(await violations(page)).toEqual([])
    await page.getByTestId('change-password').click()
    await page.locator('.field-error').first().waitFor()
    expect(await violations(page)).toEqual([])
  })
})
