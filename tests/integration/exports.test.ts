import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summarizeContacts } from '../../src/shared/aggregations.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import type { Fact } from '../../src/shared/records.js'
import { milanDayAndHour } from '../../src/server/db/fact-dimensions.js'
import { enrolNewDevice, login } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'
import { pushStandDay } from './helpers/fixtures.js'

describe.each(backends)('exports on $name', ({ name, available }) => {
  let server: TestServer
  let cookie: string
  let facts: Fact[]
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    cookie = await login(server.url)
    facts = await pushStandDay(server.url, [await enrolNewDevice(server.url), await enrolNewDevice(server.url)])
  })
  afterAll(async () => server?.close())

  const download = (query: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/v1/admin/exports?${query}`, { headers: { cookie, ...headers } })
  const contacts = () => summarizeContacts(facts, milanDayAndHour).contacts
  const responses = () => facts.filter((f) => f.kind === 'survey_response').length

  it.skipIf(!available)('CSV opens in Italian Excel (BOM, semicolons) and holds one row per contact and response', async () => {
    const res = await download(`format=csv&eventId=${DEMO_EVENT_ID}`)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="corner-event-.*\.csv"/)
    expect(res.headers.get('x-export-includes')).toMatch(/voided contacts are left out/)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).not.toMatch(/^\uFEFFsep=/)
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true })
    const [header, ...rows] = parsed.data
    expect(header?.slice(0, 3)).toEqual(['ID', 'Tipo', 'ID evento'])
    expect(rows.filter((r) => r[1] === 'interaction')).toHaveLength(contacts())
    expect(rows.filter((r) => r[1] === 'survey_response')).toHaveLength(responses())
    const voided = new Set(facts.flatMap((f) => (f.kind === 'void' ? [f.payload.targetId] : [])))
    expect(rows.some((r) => voided.has(r[0] ?? ''))).toBe(false)
  })

  it.skipIf(!available)('XLSX has labelled sheets an independent reader opens, with the same counts', async () => {
    const res = await download(`format=xlsx&eventId=${DEMO_EVENT_ID}&lang=en`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Contacts', 'Surveys', 'Answers by question', 'About'])
    const [contactSheet, responseSheet, answerSheet, about] = workbook.worksheets
    expect(contactSheet?.getRow(1).getCell(10).value).toBe('Topic')
    expect(contactSheet!.rowCount - 1).toBe(contacts())
    expect(responseSheet!.rowCount - 1).toBe(responses())
    const answers = facts.flatMap((f) => (f.kind === 'survey_response' ? f.payload.answers : []))
    expect(answerSheet!.rowCount - 1).toBe(answers.length)
    expect(String(about?.getRow(1).getCell(2).value)).toMatch(/voided contacts are left out/)
  })

  it.skipIf(!available)('JSON carries the facts themselves and says what it includes', async () => {
    const body = await (await download('format=json')).json()
    expect(body.export.includes).toMatch(/contacts/)
    expect(body.facts).toHaveLength(contacts() + responses())
    expect(body.facts.every((f: Fact) => f.kind !== 'void')).toBe(true)
  })

  it.skipIf(!available)('FHIR is an R4 Bundle that the official schema accepts: anonymous responses and their questionnaires', async () => {
    const res = await download(`format=fhir&eventId=${DEMO_EVENT_ID}`)
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8')
    const bundle = await res.json()
    const validator = new JSONSchemaValidator()
    expect(validator.validate(bundle)).toEqual([])
    const resources = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource)
    const qr = resources.filter((r: { resourceType: string }) => r.resourceType === 'QuestionnaireResponse')
    expect(qr).toHaveLength(responses())
    expect(qr.every((r: Record<string, unknown>) => !('subject' in r) && !('author' in r) && !('source' in r))).toBe(true)
    expect(qr.map((r: { status: string }) => r.status).sort()).toEqual(['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'stopped', 'stopped'])
    expect(resources.filter((r: { resourceType: string }) => r.resourceType === 'Questionnaire')).toHaveLength(1)
  })

  it.skipIf(!available)('keeps a formula in no cell: injected codes cannot reach the export, typed names are escaped', async () => {
    const res = await fetch(`${server.url}/api/v1/admin/events`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ kitId: '01930000-0000-7000-8000-000000000001', name: '=HYPERLINK("http://evil.example","x")', setting: 'community', occasion: 'fair', venue: '@SUM(A1)', municipality: '+39', startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [] }),
    })
    const event = await res.json()
    const tablet = await enrolNewDevice(server.url)
    await pushStandDay(server.url, [tablet], event.id, 3)
    const text = await (await download(`format=csv&eventId=${event.id}`)).text()
    expect(text).toContain(`'=HYPERLINK(""http://evil.example"",""x"")`)
    expect(text).not.toMatch(/;=HYPERLINK/)
  })

  it.skipIf(!available)('needs a session and a same-origin caller', async () => {
    expect((await fetch(`${server.url}/api/v1/admin/exports?format=csv`)).status).toBe(401)
    expect((await download('format=pdf')).status).toBe(400)
    expect((await download(`format=csv&eventId=${DEMO_EVENT_ID}&from=2026-01-01`)).status).toBe(400)
  })
})
