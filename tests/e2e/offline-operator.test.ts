import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppServer } from './support/app-server'
import { counters, createEvent, installabilityErrors, waitForActiveServiceWorker } from './support/app-page'
import { Tablet } from './support/browser'

const TOPICS = ['smoking', 'nutrition', 'vaccine_flu', 'physical_activity', 'alcohol']

async function expectCounts(page: Page, n: number) {
  await expect.poll(() => counters(page)).toEqual({ today: String(n), event: String(n) })
}

describe('an operator on a tablet with no network', () => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page
  let eventUrl = ''

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('installs on the first online visit: valid manifest and an active service worker', async () => {
    await page.goto(server.url)
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await waitForActiveServiceWorker(page)).toBe('activated')
    expect(await installabilityErrors(page)).toEqual([])
    await page.getByTestId('pwa-toast').waitFor()
  })

  it('reloads with the server gone and the network off', async () => {
    await server.stop()
    await tablet.context!.setOffline(true)
    await page.reload()
    await page.getByTestId('new-event').waitFor()
  })

  it('creates an event offline and counts 20 taps, which survive a reload', async () => {
    await createEvent(page, 'Sagra di Lodi')
    eventUrl = page.url()
    await page.getByText('Dettagli facoltativi del prossimo contatto').click()
    for (let i = 0; i < 20; i++) {
      if (i % 4 === 0) await page.getByRole('group', { name: "Fascia d'età" }).getByRole('radio', { name: '30–49' }).check()
      await page.locator(`[data-topic="${TOPICS[i % TOPICS.length]}"]`).click()
      await expect.poll(() => counters(page)).toEqual({ today: String(i + 1), event: String(i + 1) })
    }
    await page.reload()
    await expectCounts(page, 20)
  })

  it('keeps every saved tap when the browser process is killed and relaunched offline', async () => {
    await tablet.kill()
    await tablet.launch()
    await tablet.context!.setOffline(true)
    page = await tablet.page()
    await page.goto(eventUrl)
    await expectCounts(page, 20)
  })

  it('undoes the last tap with a correction, and counts again after a new tap', async () => {
    await page.getByTestId('undo').click()
    await expectCounts(page, 19)
    await expect.poll(() => page.getByTestId('tap-feedback').textContent()).toContain('Annullato')
    await page.locator('[data-topic="mental_wellbeing"]').click()
    await expectCounts(page, 20)
  })

  it('exports a CSV for Italian Excel that parses back to the same 20 contacts', async () => {
    await page.getByRole('link', { name: 'Esporta i dati del tablet' }).click()
    await expect.poll(() => page.getByTestId('export-rows').textContent()).toContain('20')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, delimiter: ';', skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.data).toHaveLength(20)
    const ids = new Set(parsed.data.map((row) => row.ID))
    expect(ids.size).toBe(20)
    expect(parsed.data.filter((row) => row['Tema (codice)'] === 'mental_wellbeing')).toHaveLength(1)
    expect(parsed.data.filter((row) => row["Fascia d'età"] === '30-49')).toHaveLength(5)

    // The same contacts in the XLSX, built on the tablet with the server's writer.
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await xlsxDownload.path())!)
    expect(workbook.worksheets[0]!.rowCount - 1).toBe(20)

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()])
    const log = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { facts: { id: string; kind: string; payload: { targetId?: string } }[] }
    const voided = new Set(log.facts.filter((f) => f.kind === 'void').map((f) => f.payload.targetId))
    const counted = log.facts.filter((f) => f.kind === 'interaction' && !voided.has(f.id)).map((f) => f.id)
    expect(new Set(counted)).toEqual(ids)
    expect(log.facts).toHaveLength(22)
  })
})
