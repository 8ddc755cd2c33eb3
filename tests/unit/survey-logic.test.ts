import { describe, expect, it } from 'vitest'
import type { SurveyResponsePayload } from '../../src/shared/records.js'
import { answeredTooFast, orderedAnswers, responseProblems, visibleQuestions } from '../../src/shared/survey-logic.js'
import { aggregateResponses } from '../../src/shared/survey-results.js'
import { templateSurveys, TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/index.js'

const byId = (id: string) => templateSurveys.find((s) => s.id === id)!
const topic = byId(TEMPLATE_SURVEY_IDS.topicIntention)
const satisfaction = byId(TEMPLATE_SURVEY_IDS.standSatisfaction)

describe('skip logic', () => {
  it('shows only the intention item of the topic chosen', () => {
    expect(visibleQuestions(topic, new Map()).map((q) => q.id)).toEqual(['topic'])
    expect(visibleQuestions(topic, new Map([['topic', 'smoking']])).map((q) => q.id)).toEqual(['topic', 'intention_smoking'])
  })

  it('drops answers a changed answer has hidden', () => {
    const answers = new Map<string, string | number>([['topic', 'alcohol'], ['intention_smoking', 4]])
    expect(orderedAnswers(topic, answers)).toEqual([{ questionId: 'topic', value: 'alcohol' }])
  })
})

function response(answers: SurveyResponsePayload['answers'], extra: Partial<SurveyResponsePayload> = {}): SurveyResponsePayload {
  return {
    surveyId: satisfaction.id, surveyVersion: 1, language: 'ar', channel: 'kiosk', startedAt: '2026-11-26T10:00:00.000Z',
    completedAt: '2026-11-26T10:00:20.000Z', completion: 'complete', answers, tooFast: false, ...extra,
  }
}

describe('checking a response against its survey', () => {
  it('finds nothing wrong with a complete, in-range response', () => {
    expect(responseProblems(satisfaction, response([{ questionId: 'satisfaction', value: 1 }, { questionId: 'recommend', value: 10 }]))).toEqual([])
  })

  it('lets a partial response leave required questions out', () => {
    expect(responseProblems(satisfaction, response([], { completion: 'partial', completedAt: undefined }))).toEqual([])
  })

  it('names every problem', () => {
    const bad = response([{ questionId: 'recommend', value: 11 }, { questionId: 'recommend', value: 3 }], { language: 'de', completedAt: '2026-11-26T09:00:00.000Z' })
    expect(responseProblems(satisfaction, bad)).toEqual([
      'language: not a language of this survey',
      'answers.recommend: answered twice',
      'answers.satisfaction: required',
      'completedAt: before startedAt',
    ])
  })

  it('flags a response answered faster than anyone reads', () => {
    expect(answeredTooFast('2026-11-26T10:00:00.000Z', '2026-11-26T10:00:01.000Z', 2)).toBe(true)
    expect(answeredTooFast('2026-11-26T10:00:00.000Z', '2026-11-26T10:00:04.000Z', 2)).toBe(false)
  })
})

describe('aggregating responses (fixtures counted by hand)', () => {
  const responses = [
    response([{ questionId: 'satisfaction', value: 3 }, { questionId: 'recommend', value: 10 }]),
    response([{ questionId: 'satisfaction', value: 3 }, { questionId: 'recommend', value: 9 }]),
    response([{ questionId: 'satisfaction', value: 2 }, { questionId: 'recommend', value: 7 }]),
    response([{ questionId: 'satisfaction', value: 1 }, { questionId: 'recommend', value: 3 }]),
    response([{ questionId: 'satisfaction', value: 1 }], { completion: 'partial', completedAt: undefined }),
    response([{ questionId: 'satisfaction', value: 3 }], { tooFast: true }),
    response([{ questionId: 'satisfaction', value: 3 }], { surveyId: TEMPLATE_SURVEY_IDS.healthLiteracy }),
  ]

  it('counts each answer, the mean and the net promoter score', () => {
    const result = aggregateResponses(satisfaction, responses)
    expect(result).toMatchObject({ responses: 5, complete: 4, partial: 1, tooFastExcluded: 1 })
    const [faces, nps] = result.questions
    expect(faces).toEqual({ questionId: 'satisfaction', answered: 5, counts: { 1: 2, 2: 1, 3: 2 }, mean: 2 })
    expect(nps?.answered).toBe(4)
    expect(nps?.mean).toBe(7.25)
    // promoters 9,10 = 2; passives 7 = 1; detractors 3 = 1 → (2 − 1) / 4 = 25
    expect(nps?.nps).toEqual({ promoters: 2, passives: 1, detractors: 1, score: 25 })
    expect(nps?.counts).toMatchObject({ 0: 0, 3: 1, 7: 1, 9: 1, 10: 1 })
  })

  it('can count complete responses only, or include the flagged ones', () => {
    expect(aggregateResponses(satisfaction, responses, { includePartial: false }).responses).toBe(4)
    expect(aggregateResponses(satisfaction, responses, { includeTooFast: true })).toMatchObject({ responses: 6, tooFastExcluded: 0 })
  })
})
