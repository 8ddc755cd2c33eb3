import { CSV_BOM, csvLine } from '../../shared/csv'
import { exportTexts, topicLabel, type ExportLanguage } from '../../shared/export-labels'
import { EXPORT_COLUMNS, exportCells, isExportable, type ExportableFact } from '../../shared/export-rows'
import { effectiveInteractions } from '../../shared/event-log'
import { toQuestionnaire, toQuestionnaireResponse } from '../../shared/fhir'
import { milanDayAndHour } from '../../shared/milan-time'
import type { Fact, SurveyResponseFact } from '../../shared/records'
import { scaleLabel } from '../../shared/scale-labels'
import type { Survey } from '../../shared/surveys'
import { createXlsxWriter } from '../../shared/xlsx-writer'
import type { EventLog } from './event-log-export'

/**
 * This tablet's event log in the server's export formats, built offline from the same shared
 * pieces (columns, labels, Milan day and hour, XLSX writer, FHIR mapping), so a tablet's file
 * and the server's file for the same facts have the same columns and the same rows.
 */

/** Contacts (interactions no void cancelled), then survey responses: the server's order too. */
export function exportableFacts(facts: readonly Fact[]): ExportableFact[] {
  const contacts = new Set(effectiveInteractions(facts).map((f) => f.id))
  const kept = facts.filter((f): f is ExportableFact => isExportable(f) && (f.kind !== 'interaction' || contacts.has(f.id)))
  return [...kept.filter((f) => f.kind === 'interaction'), ...kept.filter((f) => f.kind === 'survey_response')]
}

function cells(log: EventLog, language: ExportLanguage) {
  const labelOf = topicLabel(language)
  return exportableFacts(log.facts).map((fact) => {
    const { day, hour } = milanDayAndHour(fact.at)
    return { fact, cells: exportCells(fact, { eventName: log.event.name, day, hour, topicLabel: labelOf }) }
  })
}

/** CSV for Italian Excel: BOM, `;`, formula-safe cells, the server's columns. */
export function tabletCsv(log: EventLog, language: ExportLanguage): string {
  const labels = exportTexts(language).columns
  return CSV_BOM + csvLine(EXPORT_COLUMNS.map((c) => labels[c])) + cells(log, language).map((r) => csvLine(r.cells)).join('')
}

/** XLSX with the server's sheets: contacts, responses, answers by question, and what it covers. */
export function tabletXlsx(log: EventLog, language: ExportLanguage, now: Date): Uint8Array {
  const texts = exportTexts(language)
  const chunks: Uint8Array[] = []
  const writer = createXlsxWriter([texts.sheets.contacts, texts.sheets.responses, texts.sheets.answers, texts.sheets.info], (chunk) => chunks.push(chunk))
  const rows = cells(log, language)
  for (const kind of ['interaction', 'survey_response'] as const) {
    writer.beginSheet(EXPORT_COLUMNS.map((c) => texts.columns[c]))
    for (const row of rows) if (row.fact.kind === kind) writer.addRow(row.cells)
    writer.endSheet()
  }
  const a = texts.answerColumns
  writer.beginSheet([a.responseId, a.surveyId, a.surveyVersion, a.questionId, a.value])
  for (const { fact } of rows) {
    if (fact.kind !== 'survey_response') continue
    for (const answer of fact.payload.answers) for (const value of [answer.value].flat()) writer.addRow([fact.id, fact.payload.surveyId, fact.payload.surveyVersion, answer.questionId, value])
  }
  writer.endSheet()
  const i = texts.info
  const count = (kind: string) => rows.filter((r) => r.fact.kind === kind).length
  writer.beginSheet([i.includes, i.includesText])
  for (const row of [[i.scope, `${i.event} ${log.event.id}`], [i.generatedAt, now.toISOString()], [i.contacts, count('interaction')], [i.responses, count('survey_response')]]) writer.addRow(row)
  writer.finish()
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * An HL7 FHIR R4 Bundle of this tablet's survey responses, with the Questionnaire of each
 * survey revision the tablet holds (a response to an older revision keeps its answers and
 * points at its questionnaire by canonical URL, as on the server).
 */
export function tabletFhir(log: EventLog, surveys: readonly Survey[], now: Date): string {
  const responses = exportableFacts(log.facts).filter((f): f is SurveyResponseFact => f.kind === 'survey_response')
  const find = (f: SurveyResponseFact) => surveys.find((s) => s.id === f.payload.surveyId && s.revision === f.payload.surveyVersion)
  const used = new Map<string, Survey>()
  const entries = responses.map((fact) => {
    const survey = find(fact)
    if (survey) used.set(`${survey.id}|${survey.revision}`, survey)
    return { fullUrl: `urn:uuid:${fact.id}`, resource: toQuestionnaireResponse(fact, survey) }
  })
  for (const survey of used.values()) {
    entries.push({ fullUrl: `urn:uuid:${survey.id.slice(0, 24)}${String(survey.revision).padStart(12, '0')}`, resource: toQuestionnaire(survey, scaleLabel(survey.defaultLanguage)) })
  }
  const tag = { system: 'urn:corner:export', code: 'survey-responses', display: 'Survey responses, complete and stopped, with the Questionnaire of each survey revision; contacts are not included' }
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', timestamp: now.toISOString(), meta: { tag: [tag] }, entry: entries })
}
