import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import type { Fact } from '../../src/shared/records'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids'
import { waitForActiveServiceWorker } from './support/app-page'
import { AppServer } from './support/app-server'
import { screenshotForDocs, violations } from './support/axe'
import { Tablet } from './support/browser'
import { Coordinator } from './support/central'
import { expectConverged, tap } from './support/sync-flow'

// Typed by the coordinator: must show as text everywhere, never run.
const XSS_NAME = '<img src=x onerror="window.__xss=1">Festa <b>sana</b>'
const XSS_VENUE = '<script>window.__xss=2</script>Piazza'
const XSS_NOTES = 'Stand by the church, 40 leaflets left.\n<img src=x onerror="window.__xss=3">Next time: more chairs.'

/** What the second tablet sends over the device API, as the app would: taps, an undo, survey answers. */
function secondTabletFacts(eventId: string, deviceId: string): Fact[] {
  const at = new Date().toISOString()
  const base = { eventId, deviceId, at }
  const tapOf = (topic: string, ageBand: '18-29' | '30-49') =>
    ({ ...base, id: uuidv7(), kind: 'interaction', schemaVersion: 1, payload: { topic, groupSize: 1, ageBand } }) as Fact
  const taps = [tapOf('alcohol', '18-29'), tapOf('alcohol', '18-29'), tapOf('nutrition', '30-49'), tapOf('nutrition', '30-49')]
  const undo = { ...base, id: uuidv7(), kind: 'void', schemaVersion: 1, payload: { targetId: taps[1]!.id, reason: 'undo' } } as Fact
  const response = (satisfaction: number) => ({
    ...base, id: uuidv7(), kind: 'survey_response', schemaVersion: 2,
    payload: {
      surveyId: TEMPLATE_SURVEY_IDS.standSatisfaction, surveyVersion: 1, language: 'it', channel: 'kiosk',
      startedAt: new Date(Date.now() - 30_000).toISOString(), completedAt: at, completion: 'complete',
      answers: [{ questionId: 'satisfaction', value: satisfaction }, { questionId: 'recommend', value: 9 }], tooFast: false,
    },
  }) as Fact
  return [...taps, undo, response(3), response(2)]
}

const cell = (page: Page, chart: string, key: string) => page.locator(`[data-testid="chart-${chart}"] tr[data-key="${key}"] [data-testid="chart-value"]`)

describe('the coordinator dashboard over two tablets', () => {
  const server = new AppServer()
  const coordinator = new Coordinator(server)
  const tablet = new Tablet()
  let page: Page
  let eventId: string

  beforeAll(async () => {
    await server.start()
    await coordinator.login()
    const event = await coordinator.json<{ id: string }>('/api/v1/admin/events', 'POST', {
      kitId: DEMO_KIT_ID, name: XSS_NAME, setting: 'community', occasion: 'village_festival', venue: XSS_VENUE,
      municipality: 'Lodi', startDate: new Date().toISOString().slice(0, 10), endDate: new Date().toISOString().slice(0, 10), targetGroups: ['parents'],
    })
    eventId = event.id
    await tablet.launch()
    page = await tablet.page()
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('counts taps from a tablet in the browser and from a second tablet, once synced', async () => {
    await page.goto(server.url)
    await waitForActiveServiceWorker(page)
    const { code } = await coordinator.enrolmentCode()
    await page.goto(`${server.url}/enrol?code=${code}`)
    await page.getByTestId('enrol-submit').click()
    await page.getByTestId('enrol-done').waitFor()
    // The pulled event opens on the tablet; its name shows as typed.
    await expect.poll(async () => {
      await page.goto(`${server.url}/events/${eventId}`)
      return page.locator('[data-topic="smoking"]').count()
    }, { timeout: 30_000, interval: 1_000 }).toBeGreaterThan(0)
    await tap(page, 3, 'smoking')
    await expectConverged(page, server)

    const second = (await fetch(`${server.url}/api/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ code: (await coordinator.enrolmentCode()).code, deviceId: uuidv7(), label: 'Tablet B' }),
    }).then((r) => r.json())) as { deviceId: string; token: string }
    const pushed = await fetch(`${server.url}/api/v1/push`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, authorization: `Bearer ${second.token}` },
      body: JSON.stringify({ facts: secondTabletFacts(eventId, second.deviceId) }),
    }).then((r) => r.json()) as { results: { status: string }[] }
    expect(pushed.results.map((r) => r.status)).toEqual(Array(7).fill('accepted'))
  })

  it('shows the right totals, per topic, age band and survey, as of the last sync, with no axe violation', async () => {
    await page.goto(`${server.url}/coordinator/dashboard?eventId=${eventId}`)
    await page.getByLabel('Nome utente').fill('admin')
    await page.getByLabel('Password').fill('e2e-password-123')
    await page.getByTestId('coordinator-login').click()
    await page.getByRole('heading', { level: 1, name: 'Cruscotto' }).waitFor()
    await expect.poll(() => page.getByTestId('total-contacts').textContent(), { timeout: 15_000 }).toBe('6')
    expect(await page.getByTestId('total-people').textContent()).toBe('6')
    expect(await page.getByTestId('report-as-of').textContent()).toContain('Dati aggiornati all\'ultima sincronizzazione')
    expect(await cell(page, 'topic', 'smoking').textContent()).toBe('3')
    expect(await cell(page, 'topic', 'alcohol').textContent()).toBe('1')
    expect(await cell(page, 'topic', 'nutrition').textContent()).toBe('2')
    expect(await cell(page, 'ageBand', '30-49').textContent()).toBe('2')
    expect(await cell(page, 'ageBand', 'unknown').textContent()).toBe('3')
    const survey = page.locator(`[data-survey-id="${TEMPLATE_SURVEY_IDS.standSatisfaction}"]`)
    expect(await survey.getByTestId('survey-responses').textContent()).toBe('2')
    // Charts drew on their canvases (Chart.js loaded on this page only).
    await expect.poll(() => page.locator('.report-chart-picture').count()).toBeGreaterThan(3)
    // The typed name is text in the event filter, never markup.
    expect(await page.locator('#filter-event option:checked').textContent()).toContain('<img src=x')
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, 'coordinator-dashboard', true)

    await page.locator('#filter-from').fill('2026-05-10')
    await page.locator('#filter-to').fill('2026-05-01')
    await page.getByTestId('report-apply').click()
    await page.getByText('Il periodo deve finire lo stesso giorno o dopo l\'inizio.').waitFor()
    expect(new URL(page.url()).searchParams.get('to')).toBeNull()
    expect(await page.getByTestId('total-contacts').textContent()).toBe('6')
    expect(await violations(page)).toEqual([])
  })

  it('prints the event report: the typed texts as text, charts as pictures, A4', async () => {
    // The coordinator writes the notes on the event's edit screen; the report prints them.
    await page.goto(`${server.url}/coordinator/events/${eventId}/edit`)
    await page.getByTestId('event-notes').fill(XSS_NOTES)
    await page.getByTestId('coordinator-save-event').click()
    await page.waitForURL(/\/coordinator\/?$/)
    await page.goto(`${server.url}/coordinator/reports/events/${eventId}`)
    const title = page.getByRole('heading', { level: 1 })
    await expect.poll(() => title.textContent()).toContain(XSS_NAME)
    expect(await title.locator('img, b').count()).toBe(0)
    expect(await page.getByTestId('event-report-meta').textContent()).toContain(XSS_VENUE)
    const notes = page.getByTestId('event-report-notes')
    expect(await notes.locator('p').innerText()).toBe(XSS_NOTES)
    expect(await notes.locator('img').count()).toBe(0)
    await expect.poll(() => page.getByTestId('total-contacts').textContent()).toBe('6')
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
    expect(await violations(page)).toEqual([])
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.report-chart-picture').first().isVisible()).toBe(true)
    expect(await page.locator('.report-chart-canvas').first().isVisible()).toBe(false)
    expect(await page.locator('.coord-nav').isVisible()).toBe(false)
    expect(await notes.isVisible()).toBe(true)
    await screenshotForDocs(page, 'coordinator-event-report-print', true)
    await page.emulateMedia({ media: null })
  })

  it('shows the indicators against targets a coordinator can change', async () => {
    await page.getByRole('navigation', { name: 'Area coordinatori' }).getByRole('link', { name: 'Indicatori' }).click()
    await expect.poll(() => page.getByTestId('indicator-contacts').textContent(), { timeout: 15_000 }).toBe('6')
    expect(await page.getByTestId('indicator-responses').textContent()).toBe('2')
    expect(await violations(page)).toEqual([])
    await page.locator('#target-contents').fill('3')
    await page.getByTestId('save-targets').click()
    await page.getByText('Obiettivi salvati.').waitFor()
    await page.getByRole('heading', { level: 2, name: /almeno 3/ }).waitFor()
    await page.locator('#target-training').fill('101')
    await page.getByTestId('save-targets').click()
    await page.getByText('Gli obiettivi sono numeri interi da 0 a 100.').waitFor()
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, 'coordinator-indicators', true)
  })

  it('downloads the event in every format, and every file has the dashboard\'s numbers', async () => {
    await page.goto(`${server.url}/coordinator/exports?eventId=${eventId}`)
    await page.getByRole('heading', { level: 1, name: 'Esporta il registro degli eventi' }).waitFor()
    expect(await violations(page)).toEqual([])
    const file = async (format: string) => {
      await page.getByTestId(`export-format-${format}`).check()
      const link = page.getByTestId('export-download')
      expect(await link.getAttribute('download')).not.toBeNull()
      const response = await page.context().request.get(`${server.url}${await link.getAttribute('href')}`)
      expect(response.status()).toBe(200)
      return response.body()
    }

    const csv = Papa.parse<string[]>((await file('csv')).toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data.slice(1)
    const topics = (rows: string[][]) => rows.filter((r) => r[1] === 'interaction').map((r) => r[8]).sort()
    expect(topics(csv)).toEqual(['alcohol', 'nutrition', 'nutrition', 'smoking', 'smoking', 'smoking'])
    expect(csv.filter((r) => r[1] === 'survey_response')).toHaveLength(2)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await file('xlsx')) as never)
    const [contacts, responses] = workbook.worksheets
    const xlsxRows = contacts!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1).map(String))
    expect(topics(xlsxRows)).toEqual(topics(csv))
    expect(responses!.rowCount - 1).toBe(2)

    const json = JSON.parse((await file('json')).toString('utf8')) as { facts: Fact[] }
    expect(json.facts.filter((f) => f.kind === 'interaction')).toHaveLength(6)
    expect(json.facts.filter((f) => f.kind === 'survey_response')).toHaveLength(2)

    const bundle = JSON.parse((await file('fhir')).toString('utf8'))
    expect(new JSONSchemaValidator().validate(bundle)).toEqual([])
    const resources = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType)
    expect(resources.filter((r: string) => r === 'QuestionnaireResponse')).toHaveLength(2)
  })
})
