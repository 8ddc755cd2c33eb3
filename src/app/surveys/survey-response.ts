import type { SurveyResponsePayload } from '../../shared/records'
import { answeredTooFast, orderedAnswers } from '../../shared/survey-logic'
import type { Survey } from '../../shared/surveys'
import type { AnswerValue } from './question-props'

/** A visitor's answers so far; kept as entries (not a Map) so it can be stored as a draft. */
export interface SurveyDraft {
  eventId: string
  surveyId: string
  surveyVersion: number
  language: string
  startedAt: string
  answers: [questionId: string, value: AnswerValue][]
}

/**
 * The response fact's payload for a finished (`complete`) or abandoned (`partial`) survey:
 * answers in survey order, only those still visible (a changed answer may hide later ones),
 * and flagged when given faster than anyone reads.
 */
export function buildSurveyResponse(
  survey: Pick<Survey, 'questions'>,
  draft: SurveyDraft,
  endedAt: string,
  completion: SurveyResponsePayload['completion'],
  channel: SurveyResponsePayload['channel'] = 'kiosk',
): SurveyResponsePayload {
  const answers = orderedAnswers(survey, new Map(draft.answers))
  return {
    surveyId: draft.surveyId,
    surveyVersion: draft.surveyVersion,
    language: draft.language,
    channel,
    startedAt: draft.startedAt,
    ...(completion === 'complete' ? { completedAt: endedAt } : {}),
    completion,
    answers,
    tooFast: answeredTooFast(draft.startedAt, endedAt, answers.length),
  }
}
