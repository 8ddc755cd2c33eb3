import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppServer } from './support/app-server'
import { violations } from './support/axe'
import { Tablet } from './support/browser'

const COPY = 'Kit scuole <i>2027</i>'
const row = (page: Page, name: string) => page.locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) })

describe('a coordinator personalising a kit', () => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page
  let exported = ''

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
    await page.goto(`${server.url}/coordinator/kits`)
    await page.getByLabel('Nome utente').fill('admin')
    await page.getByLabel('Password').fill('e2e-password-123')
    await page.getByTestId('coordinator-login').click()
    await page.getByRole('heading', { level: 1, name: 'Kit' }).waitFor()
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('duplicates the demo kit under a new name, shown as text', async () => {
    await page.getByTestId('coordinator-kits').waitFor()
    expect(await violations(page)).toEqual([])
    await page.getByRole('button', { name: /^Duplica il kit / }).first().click()
    await page.getByTestId('kit-copy').click()
    await page.getByText('Scrivi un nome.').waitFor()
    await page.getByTestId('kit-copy-name').fill(COPY)
    await page.getByTestId('kit-copy').click()
    await row(page, COPY).waitFor()
    await page.getByText(`Kit «${COPY}» creato come copia.`).waitFor()
    expect(await page.locator('tbody i').count()).toBe(0)
    expect(await violations(page)).toEqual([])
  })

  it('edits the copy into a new version: fewer topics, another colour', async () => {
    const before = Number(await row(page, COPY).locator('td').first().textContent())
    await row(page, COPY).getByRole('link', { name: `Modifica il kit ${COPY}` }).click()
    await page.getByTestId('kit-form').waitFor()
    expect(await violations(page)).toEqual([])
    await page.getByRole('group', { name: 'Temi (pulsanti dello stand)' }).getByLabel('Fumo').uncheck()
    await page.locator('#kit-color').fill('#006600')
    await page.getByTestId('kit-save').click()
    await page.getByText(`Kit «${COPY}» salvato.`).waitFor()
    expect(Number(await row(page, COPY).locator('td').first().textContent())).toBeGreaterThan(before)
  })

  it('downloads the kit as a file; importing it again changes nothing, a bad file is explained', async () => {
    const downloading = page.waitForEvent('download')
    await row(page, COPY).getByRole('button', { name: `Scarica il file del kit ${COPY}` }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^kit-kit-scuole-i-2027-i-v\d+\.json$/)
    exported = readFileSync((await download.path())!, 'utf8')
    const file = JSON.parse(exported)
    expect(file.format).toBe('corner-kit')
    expect(file.kit.topics).not.toContain('smoking')

    const input = page.getByTestId('kit-import')
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"corner-kit",') })
    await page.locator('[data-error-code="bad_json"]').waitFor()
    expect(await violations(page)).toEqual([])
    await input.setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, formatVersion: 2 })) })
    await page.locator('[data-error-code="newer_format"]').waitFor()
    const hostile = { ...file, kit: { ...file.kit, name: 'x'.repeat(500) } }
    await input.setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) })
    await page.locator('[data-error-code="invalid_body"]').waitFor()
    const kits = await page.locator('tbody tr').count()
    await input.setInputFiles({ name: 'kit.json', mimeType: 'application/json', buffer: Buffer.from(exported) })
    await page.getByText(`Il kit «${COPY}» era già qui, identico: nulla è cambiato.`).waitFor()
    expect(await page.locator('tbody tr').count()).toBe(kits)
  })

  it('creates the next event from the kit with the kit already chosen', async () => {
    const kitId = await row(page, COPY).getAttribute('data-kit-id')
    await row(page, COPY).getByRole('link', { name: `Nuovo evento dal kit ${COPY}` }).click()
    await page.getByRole('heading', { level: 1, name: 'Nuovo evento da un kit' }).waitFor()
    await expect.poll(() => page.locator('#kitId').inputValue()).toBe(kitId)
  })
})
