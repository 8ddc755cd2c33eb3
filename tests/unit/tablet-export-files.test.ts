import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { StoredEvent, StoredFact } from '../../src/app/db/database'
import { exportableFacts, tabletCsv, tabletFhir, tabletXlsx } from '../../src/app/export/tablet-export-files'
import { summarizeContacts } from '../../src/shared/aggregations'
import { EXPORT_COLUMNS } from '../../src/shared/export-rows'
import { milanDayAndHour } from '../../src/shared/milan-time'
import { TEMPLATE_SURVEY_IDS, templateSurveys } from '../../src/shared/survey-templates'

const event: StoredEvent = {
  id: '01930000-0000-7000-8000-0000000000aa', version: 0, kitId: '01930000-0000-7000-8000-000000000001',
  name: '=Sagra; "della" castagna', setting: 'community', occasion: 'village_festival', venue: 'Piazza',
  municipality: 'Lodi', startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [], status: 'open',
  createdAt: '2026-11-26T08:00:00.000Z', origin: 'device',
}
const base = { eventId: event.id, deviceId: '01930000-0000-7000-8000-0000000000dd', day: '2026-11-26' }
const id = (n: number) => `01930000-0000-7000-8000-${String(n).padStart(12, '0')}`
const facts: StoredFact[] = [
  { ...base, schemaVersion: 1, id: id(101), kind: 'interaction', at: '2026-11-26T09:00:00.000Z', payload: { topic: 'smoking', ageBand: '70+', groupSize: 1 } },
  { ...base, schemaVersion: 1, id: id(102), kind: 'interaction', at: '2026-11-26T09:01:00.000Z', payload: { topic: 'alcohol', groupSize: 4 } },
  { ...base, schemaVersion: 1, id: id(103), kind: 'void', at: '2026-11-26T09:02:00.000Z', payload: { targetId: id(102), reason: 'undo' } },
  {
    ...base, schemaVersion: 2, id: id(104), kind: 'survey_response', at: '2026-11-26T10:30:00.000Z',
    payload: {
      surveyId: TEMPLATE_SURVEY_IDS.standSatisfaction, surveyVersion: 1, language: 'it', channel: 'kiosk', startedAt: '2026-11-26T10:29:00.000Z',
      completedAt: '2026-11-26T10:30:00.000Z', completion: 'complete', answers: [{ questionId: 'satisfaction', value: 3 }, { questionId: 'recommend', value: 9 }], tooFast: false,
    },
  },
  { ...base, schemaVersion: 1, id: id(105), kind: 'interaction', at: '2026-11-26T23:30:00.000Z', payload: { topic: 'nutrition', groupSize: 2 } },
]
const log = { event, facts, deviceId: base.deviceId }
const now = new Date('2026-11-27T08:00:00Z')

describe('a tablet\'s own export, in the server\'s formats', () => {
  it('keeps contacts that still count and survey responses, never voids', () => {
    expect(exportableFacts(facts).map((f) => f.id)).toEqual([id(101), id(105), id(104)])
  })

  it('writes CSV with the server\'s columns: Milan day and hour, formula-safe typed texts, the same contact count', () => {
    const text = tabletCsv(log, 'it')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data
    expect(header).toHaveLength(EXPORT_COLUMNS.length)
    expect(header?.[8]).toBe('Tema (codice)')
    expect(rows.filter((r) => r[1] === 'interaction')).toHaveLength(summarizeContacts(facts, milanDayAndHour).contacts)
    expect(rows[0]?.[3]).toBe(`'=Sagra; "della" castagna`)
    // 23:30 UTC is the next day in Milan: the tablet counts days as the server does.
    expect(rows[1]?.slice(6, 8)).toEqual(['2026-11-27', '0'])
    expect(rows[2]?.[20]).toBe('satisfaction=3; recommend=9')
  })

  it('writes an XLSX an independent reader opens, with the server\'s sheets and counts', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(tabletXlsx(log, 'en', now)) as never)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Contacts', 'Surveys', 'Answers by question', 'About'])
    const [contacts, responses, answers, about] = workbook.worksheets
    expect(contacts!.getRow(1).getCell(10).value).toBe('Topic')
    expect(contacts!.rowCount - 1).toBe(2)
    expect(responses!.rowCount - 1).toBe(1)
    expect(answers!.rowCount - 1).toBe(2)
    expect(String(about!.getRow(1).getCell(2).value)).toMatch(/voided contacts are left out/)
  })

  // Compiling the official FHIR schema takes seconds on a busy 2-core machine: a longer timeout, no timing asserted.
  it('writes a FHIR R4 Bundle the official schema accepts: anonymous responses and their questionnaire', { timeout: 30_000 }, () => {
    const bundle = JSON.parse(tabletFhir(log, templateSurveys, now))
    expect(new JSONSchemaValidator().validate(bundle)).toEqual([])
    const resources = bundle.entry.map((e: { resource: Record<string, unknown> }) => e.resource)
    expect(resources.map((r: { resourceType: string }) => r.resourceType)).toEqual(['QuestionnaireResponse', 'Questionnaire'])
    expect(resources[0]).not.toHaveProperty('subject')
    expect(resources[0]).not.toHaveProperty('author')
  })
})
