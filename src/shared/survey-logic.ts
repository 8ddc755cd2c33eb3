import type { Answer, SurveyResponsePayload } from './records.js'
import { answerValues } from './survey-answers.js'
import type { Question, SurveyContent } from './surveys.js'

/** Below this many milliseconds per answer nobody has read the question: the response is flagged. */
export const MIN_MS_PER_ANSWER = 800

type AnswerValue = Answer['value']

function matches(value: AnswerValue | undefined, anyOf: readonly (string | number)[]): boolean {
  if (value === undefined) return false
  return Array.isArray(value) ? value.some((v) => anyOf.includes(v)) : anyOf.includes(value)
}

/** The questions a visitor sees, in order, given the answers so far (skip logic looks backwards only). */
export function visibleQuestions(survey: Pick<SurveyContent, 'questions'>, answers: ReadonlyMap<string, AnswerValue>): Question[] {
  const shown = new Set<string>()
  return survey.questions.filter((q) => {
    const visible = !q.showIf || (shown.has(q.showIf.questionId) && matches(answers.get(q.showIf.questionId), q.showIf.anyOf))
    if (visible) shown.add(q.id)
    return visible
  })
}

/** Whether `value` is an answer `question` accepts. */
export function acceptsAnswer(question: Question, value: AnswerValue): boolean {
  if (question.type === 'number') return typeof value === 'number' && value >= (question.min ?? 0) && value <= (question.max ?? 0)
  const allowed = answerValues(question)
  if (question.type === 'multiple_choice') return Array.isArray(value) && new Set(value).size === value.length && value.every((v) => allowed.includes(v))
  return !Array.isArray(value) && allowed.includes(value)
}

/**
 * Everything wrong with a response to this survey revision, as short codes with a path (empty
 * when it is fine). Used by the server before storing and by tests of the kiosk's own answers.
 */
export function responseProblems(survey: SurveyContent, response: SurveyResponsePayload): string[] {
  const problems: string[] = []
  if (!survey.languages.includes(response.language)) problems.push('language: not a language of this survey')
  const given = new Map<string, AnswerValue>()
  for (const answer of response.answers) {
    if (given.has(answer.questionId)) problems.push(`answers.${answer.questionId}: answered twice`)
    given.set(answer.questionId, answer.value)
  }
  const visible = visibleQuestions(survey, given)
  const visibleIds = new Set(visible.map((q) => q.id))
  for (const [questionId, value] of given) {
    const question = survey.questions.find((q) => q.id === questionId)
    if (!question) problems.push(`answers.${questionId}: no such question`)
    else if (!visibleIds.has(questionId)) problems.push(`answers.${questionId}: hidden by the answers before it`)
    else if (!acceptsAnswer(question, value)) problems.push(`answers.${questionId}: not an answer this question accepts`)
  }
  if (response.completion === 'complete') {
    if (!response.completedAt) problems.push('completedAt: a complete response has one')
    for (const q of visible) if (q.required && !given.has(q.id)) problems.push(`answers.${q.id}: required`)
  } else if (response.completedAt) {
    problems.push('completedAt: a partial response has none')
  }
  if (response.completedAt && response.completedAt < response.startedAt) problems.push('completedAt: before startedAt')
  return problems
}

/** Implausibly fast: less than MIN_MS_PER_ANSWER per answer given. */
export function answeredTooFast(startedAt: string, endedAt: string, answers: number): boolean {
  if (answers === 0) return false
  return Date.parse(endedAt) - Date.parse(startedAt) < answers * MIN_MS_PER_ANSWER
}

/** Answers in the survey's order, keeping only those still visible (a changed answer may hide later ones). */
export function orderedAnswers(survey: Pick<SurveyContent, 'questions'>, answers: ReadonlyMap<string, AnswerValue>): Answer[] {
  return visibleQuestions(survey, answers).flatMap((q) => {
    const value = answers.get(q.id)
    return value === undefined ? [] : [{ questionId: q.id, value }]
  })
}
