import type { Fact, SurveyResponseFact } from '../../shared/records.js'
import { responseProblems } from '../../shared/survey-logic.js'
import type { SurveyContent } from '../../shared/surveys.js'
import type { SurveyAnswersTable } from '../db/surveys.table.js'

/** A response must fit the survey revision the visitor saw: its questions, answers, skip logic. */
export function responseProblem(fact: Fact, revisions: Map<string, string>): string | undefined {
  if (fact.kind !== 'survey_response') return undefined
  const body = revisions.get(`${fact.payload.surveyId}:${fact.payload.surveyVersion}`)
  if (!body) return `unknown_survey: ${fact.payload.surveyId} revision ${fact.payload.surveyVersion}`
  const problems = responseProblems(JSON.parse(body) as SurveyContent, fact.payload)
  return problems.length ? `survey_response: ${problems.join('; ')}`.slice(0, 500) : undefined
}

/** One row per answer value, for counting in SQL. */
export function answerRows(fact: SurveyResponseFact): SurveyAnswersTable[] {
  const { surveyId, surveyVersion, answers, tooFast } = fact.payload
  return answers.flatMap((a) => [a.value].flat().map((value) => ({
    fact_id: fact.id, event_id: fact.eventId, survey_id: surveyId, survey_version: surveyVersion,
    question_id: a.questionId, value: String(value), too_fast: tooFast ? 1 : 0,
  })))
}

export function uniqueRevisions(facts: Fact[]): { surveyId: string; revision: number }[] {
  const keys = new Map<string, { surveyId: string; revision: number }>()
  for (const f of facts) if (f.kind === 'survey_response') keys.set(`${f.payload.surveyId}:${f.payload.surveyVersion}`, { surveyId: f.payload.surveyId, revision: f.payload.surveyVersion })
  return [...keys.values()]
}

