import { describe, expect, it } from 'vitest'
import { EXPORT_COLUMNS, exportCells, type ExportColumn } from '../../src/shared/export-rows.js'
import type { InteractionFact, SurveyResponseFact } from '../../src/shared/records.js'

const context = { eventName: 'Sagra', day: '2026-11-26', hour: 9, topicLabel: (code: string) => `label of ${code}` }
const base = { id: '01930000-0000-7000-8000-0000000000a1', eventId: '01930000-0000-7000-8000-0000000000e1', deviceId: '01930000-0000-7000-8000-0000000000d1', at: '2026-11-26T08:15:00.000Z' }
const byName = (cells: unknown[]) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, cells[i]])) as Record<ExportColumn, unknown>

describe('export cells', () => {
  it('puts each attribute of a contact under its own column, and nothing under the response columns', () => {
    const fact = { ...base, kind: 'interaction', schemaVersion: 1, payload: { topic: 'smoking', groupSize: 3, interactionType: 'referral', ageBand: '30-49', audience: 'parents', language: 'ar' } } as InteractionFact
    const cells = exportCells(fact, context)
    expect(cells).toHaveLength(EXPORT_COLUMNS.length)
    expect(byName(cells)).toEqual({
      id: base.id, kind: 'interaction', eventId: base.eventId, event: 'Sagra', deviceId: base.deviceId, at: base.at, day: '2026-11-26', hour: 9,
      topic: 'smoking', topicLabel: 'label of smoking', interactionType: 'referral', ageBand: '30-49', audience: 'parents', language: 'ar', groupSize: 3,
      surveyId: null, surveyVersion: null, channel: null, completion: null, tooFast: null, answers: null,
    })
  })

  it('puts each attribute of a survey response under its own column, and nothing under the contact columns', () => {
    const fact = {
      ...base, kind: 'survey_response', schemaVersion: 2,
      payload: { surveyId: '01930000-0000-7000-8000-0000000000s1', surveyVersion: 2, language: 'en', channel: 'phone', startedAt: base.at, completion: 'partial', tooFast: true, answers: [{ questionId: 'q1', value: ['a', 'b'] }, { questionId: 'q2', value: 4 }] },
    } as unknown as SurveyResponseFact
    expect(byName(exportCells(fact, context))).toEqual({
      id: base.id, kind: 'survey_response', eventId: base.eventId, event: 'Sagra', deviceId: base.deviceId, at: base.at, day: '2026-11-26', hour: 9,
      topic: null, topicLabel: null, interactionType: null, ageBand: null, audience: null, language: 'en', groupSize: null,
      surveyId: '01930000-0000-7000-8000-0000000000s1', surveyVersion: 2, channel: 'phone', completion: 'partial', tooFast: 1, answers: 'q1=a+b; q2=4',
    })
  })
})
