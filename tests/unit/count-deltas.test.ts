import { describe, expect, it } from 'vitest'
import { ContactDeltas } from '../../src/server/sync/contact-counts'
import { RESPONSES_ROW, SurveyDeltas } from '../../src/server/sync/survey-counts'
import type { SurveyResponseFact } from '../../src/shared/records'
import { surveyResponse } from '../integration/helpers/surveys'

describe('the count rows a push adds up before writing them', () => {
  it('counts a tap under its two-digit hour, and a dimension left out or empty as unknown', () => {
    const deltas = new ContactDeltas()
    deltas.add({ event_id: 'e', local_day: '2026-11-26', local_hour: 7, topic: 'smoking', interaction_type: undefined, age_band: '', audience: null }, 1, 2)
    const value = (dimension: string) => [...deltas.rows.values()].filter((r) => r.dimension === dimension).map((r) => r.value)
    expect([value('hour'), value('interactionType'), value('ageBand'), value('audience'), value('language')])
      .toEqual([['07'], ['unknown'], ['unknown'], ['unknown'], ['unknown']])
  })

  it('keeps answers apart whose question and value only differ in where one ends', () => {
    const deltas = new SurveyDeltas()
    const row = { event_id: 'e', survey_id: 's', local_day: '2026-11-26' }
    deltas.add({ ...row, question_id: 'q1', value: '10' }, 1)
    deltas.add({ ...row, question_id: 'q11', value: '0' }, 1)
    expect([...deltas.rows.values()].map((r) => [r.question_id, r.value, r.count])).toEqual([['q1', '10', 1], ['q11', '0', 1]])
  })

  it('counts no response that has no answers', () => {
    const deltas = new SurveyDeltas()
    deltas.addResponse(surveyResponse('d', []) as SurveyResponseFact)
    expect(deltas.rows.size).toBe(0)
    deltas.addResponse(surveyResponse('d', [{ questionId: 'q1', value: 'yes' }]) as SurveyResponseFact)
    expect([...deltas.rows.values()].map((r) => [r.question_id, r.count])).toEqual([[RESPONSES_ROW, 1], ['q1', 1]])
  })
})
