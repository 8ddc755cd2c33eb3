import type { SurveyResponsePayload } from './records.js'
import { answerValues, type SurveyContent } from './surveys.js'

export interface QuestionResult {
  questionId: string
  /** Responses that answered this question. */
  answered: number
  /** Answer value → how many chose it (every value the question offers is listed, zeros included). */
  counts: Record<string, number>
  /** Faces, Likert, 0–10 and number questions. */
  mean?: number
  /** 0–10 questions: promoters (9–10) minus detractors (0–6), in percent of those who answered. */
  nps?: { promoters: number; passives: number; detractors: number; score: number }
}

export interface SurveyResult {
  surveyId: string
  /** Responses counted (see the options of aggregateResponses). */
  responses: number
  complete: number
  partial: number
  /** Flagged as implausibly fast and left out unless asked for. */
  tooFastExcluded: number
  questions: QuestionResult[]
}

const NUMERIC = new Set(['faces_3', 'faces_5', 'likert_5', 'scale_0_10', 'number'])

/**
 * Counts per answer for one survey, across its revisions (questions keep their ids). Pure: the
 * tablet counts its own responses with it and the coordinator's dashboard the server's.
 */
export function aggregateResponses(
  survey: SurveyContent & { id: string },
  responses: readonly SurveyResponsePayload[],
  options: { includeTooFast?: boolean; includePartial?: boolean } = {},
): SurveyResult {
  const mine = responses.filter((r) => r.surveyId === survey.id)
  const counted = mine.filter((r) => (options.includeTooFast || !r.tooFast) && (options.includePartial !== false || r.completion === 'complete'))
  const questions = survey.questions.map((q): QuestionResult => {
    const counts: Record<string, number> = Object.fromEntries(answerValues(q).map((v) => [String(v), 0]))
    let answered = 0
    let sum = 0
    for (const response of counted) {
      const answer = response.answers.find((a) => a.questionId === q.id)
      if (!answer) continue
      answered++
      for (const value of [answer.value].flat()) counts[String(value)] = (counts[String(value)] ?? 0) + 1
      if (typeof answer.value === 'number') sum += answer.value
    }
    const result: QuestionResult = { questionId: q.id, answered, counts }
    if (NUMERIC.has(q.type) && answered > 0) result.mean = sum / answered
    if (q.type === 'scale_0_10') result.nps = netPromoter(counts, answered)
    return result
  })
  return {
    surveyId: survey.id,
    responses: counted.length,
    complete: counted.filter((r) => r.completion === 'complete').length,
    partial: counted.filter((r) => r.completion === 'partial').length,
    tooFastExcluded: options.includeTooFast ? 0 : mine.filter((r) => r.tooFast).length,
    questions,
  }
}

function netPromoter(counts: Record<string, number>, answered: number): NonNullable<QuestionResult['nps']> {
  const sumOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => counts[String(from + i)] ?? 0).reduce((a, b) => a + b, 0)
  const promoters = sumOf(9, 10)
  const passives = sumOf(7, 8)
  const detractors = sumOf(0, 6)
  const score = answered ? Math.round(((promoters - detractors) / answered) * 100) : 0
  return { promoters, passives, detractors, score }
}
