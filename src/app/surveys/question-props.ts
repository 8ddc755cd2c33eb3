import type { Answer } from '../../shared/records'
import type { Question } from '../../shared/surveys'

export type AnswerValue = Answer['value']

/** What every question component takes: pure props in, `update:answer` out (kiosk, coordinator preview and phone alike). */
export type QuestionProps = {
  question: Question
  /** The visitor's language: every text shown is in it. */
  language: string
  /** The answer given so far, if any. */
  answer?: AnswerValue
  /** The id of the element naming the question (its heading), for the answer group. */
  labelledBy: string
}

/** The points chosen so far, as a list (nothing, one value, or several). */
export function chosen(answer: AnswerValue | undefined): (string | number)[] {
  if (answer === undefined) return []
  return Array.isArray(answer) ? answer : [answer]
}
