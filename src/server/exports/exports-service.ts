import { csvLine, CSV_BOM } from '../../shared/csv.js'
import { EXPORT_COLUMNS, EXPORT_INCLUDES, exportCells } from '../../shared/export-rows.js'
import { toQuestionnaire, toQuestionnaireResponse } from '../../shared/fhir.js'
import type { SurveyResponseFact } from '../../shared/records.js'
import type { ExportQuery } from '../../shared/report-protocol.js'
import type { Survey } from '../../shared/surveys.js'
import { createXlsxWriter } from '../../shared/xlsx-writer.js'
import type { Db } from '../db/database.table.js'
import { exportableFacts, findRevisions, type ExportItem } from './export-source.js'
import { exportTexts, topicLabel, type ExportLanguage } from '../../shared/export-labels.js'

export type ExportScope = Pick<ExportQuery, 'eventId' | 'from' | 'to'>
type Chunks = AsyncGenerator<string | Uint8Array>

/** The cells of one fact, in EXPORT_COLUMNS order. */
function cellsOf(item: ExportItem, labelOf: (code: string) => string) {
  return exportCells(item.fact, { eventName: item.eventName, day: item.day, hour: item.hour, topicLabel: labelOf })
}

/** Contacts, then responses: the event log as CSV for Italian Excel (BOM, `;`, formula-safe cells). */
export async function* csvExport(db: Db, scope: ExportScope, language: ExportLanguage): Chunks {
  const labels = exportTexts(language).columns
  yield CSV_BOM + csvLine(EXPORT_COLUMNS.map((c) => labels[c]))
  const labelOf = topicLabel(language)
  for (const kind of ['interaction', 'survey_response'] as const) {
    for await (const page of exportableFacts(db, scope, kind)) yield page.map((item) => csvLine(cellsOf(item, labelOf))).join('')
  }
}

/** The facts themselves, as stored, with what the export covers. */
export async function* jsonExport(db: Db, scope: ExportScope, now: Date): Chunks {
  yield `{"export":${JSON.stringify({ includes: EXPORT_INCLUDES, scope, generatedAt: now.toISOString() })},"facts":[`
  let first = true
  for (const kind of ['interaction', 'survey_response'] as const) {
    for await (const page of exportableFacts(db, scope, kind)) {
      // The stored body is the fact's canonical JSON already: written out as it is, never re-parsed.
      const text = page.map((item) => item.body).join(',')
      yield (first ? '' : ',') + text
      first = false
    }
  }
  yield ']}'
}

/** Sheets: contacts, responses, one row per answer (long format), and what the file covers. */
export async function* xlsxExport(db: Db, scope: ExportScope, language: ExportLanguage, now: Date): Chunks {
  const texts = exportTexts(language)
  const queue: Uint8Array[] = []
  const writer = createXlsxWriter([texts.sheets.contacts, texts.sheets.responses, texts.sheets.answers, texts.sheets.info], (chunk) => queue.push(chunk))
  const drain = function* () {
    while (queue.length) yield queue.shift() as Uint8Array
  }
  const counts = { interaction: 0, survey_response: 0 }
  const labelOf = topicLabel(language)
  for (const kind of ['interaction', 'survey_response'] as const) {
    writer.beginSheet(EXPORT_COLUMNS.map((c) => texts.columns[c]))
    for await (const page of exportableFacts(db, scope, kind)) {
      for (const item of page) writer.addRow(cellsOf(item, labelOf))
      counts[kind] += page.length
      yield* drain()
    }
    writer.endSheet()
  }
  const a = texts.answerColumns
  writer.beginSheet([a.responseId, a.surveyId, a.surveyVersion, a.questionId, a.value])
  for await (const page of exportableFacts(db, scope, 'survey_response')) {
    for (const { fact } of page) {
      const p = (fact as SurveyResponseFact).payload
      for (const answer of p.answers) for (const value of [answer.value].flat()) writer.addRow([fact.id, p.surveyId, p.surveyVersion, answer.questionId, value])
    }
    yield* drain()
  }
  writer.endSheet()
  const i = texts.info
  const scopeText = scope.eventId ? `${i.event} ${scope.eventId}` : scope.from || scope.to ? `${i.period} ${scope.from ?? '…'} – ${scope.to ?? '…'}` : i.everything
  writer.beginSheet([i.includes, i.includesText])
  for (const row of [[i.scope, scopeText], [i.generatedAt, now.toISOString()], [i.contacts, counts.interaction], [i.responses, counts.survey_response]]) writer.addRow(row)
  writer.finish()
  yield* drain()
}

/**
 * An HL7 FHIR R4 Bundle (collection): one anonymous QuestionnaireResponse per response, then
 * the Questionnaire of every survey revision they answer (entry order carries no meaning).
 */
export async function* fhirExport(db: Db, scope: ExportScope, now: Date, scaleLabels: (language: string) => Parameters<typeof toQuestionnaire>[1]): Chunks {
  yield `{"resourceType":"Bundle","type":"collection","timestamp":"${now.toISOString()}","meta":{"tag":[{"system":"urn:corner:export","code":"survey-responses","display":${JSON.stringify('Survey responses, complete and stopped, with the Questionnaire of each survey revision; contacts are not included')}}]},"entry":[`
  const revisions = new Map<string, Survey | undefined>()
  const surveyOf = async (surveyId: string, revision: number) => {
    const key = `${surveyId}|${revision}`
    if (!revisions.has(key)) {
      const [row] = await findRevisions(db, [{ surveyId, revision }])
      revisions.set(key, row ? ({ ...JSON.parse(row.body), version: 0 } as Survey) : undefined)
    }
    return revisions.get(key)
  }
  let first = true
  const entry = (resource: Record<string, unknown>, id: string) => {
    const text = `${first ? '' : ','}{"fullUrl":"urn:uuid:${id}","resource":${JSON.stringify(resource)}}`
    first = false
    return text
  }
  for await (const page of exportableFacts(db, scope, 'survey_response')) {
    let text = ''
    for (const { fact } of page) {
      const response = fact as SurveyResponseFact
      text += entry(toQuestionnaireResponse(response, await surveyOf(response.payload.surveyId, response.payload.surveyVersion)), response.id)
    }
    yield text
  }
  for (const survey of revisions.values()) {
    // Scale labels in the questionnaire's own language, like its texts.
    if (survey) yield entry(toQuestionnaire(survey, scaleLabels(survey.defaultLanguage)), `${survey.id.slice(0, 24)}${String(survey.revision).padStart(12, '0')}`)
  }
  yield ']}'
}
