import type { Survey } from '../../../shared/surveys'

type SurveyTexts = Pick<Survey, 'defaultLanguage' | 'questions'>

/** A text in the reader's language, else the survey's own, else the fallback. */
function pick(texts: Readonly<Record<string, string>> | undefined, language: string, survey: SurveyTexts, fallback: string): string {
  return texts?.[language] ?? texts?.[survey.defaultLanguage] ?? fallback
}

/** A question's text as the survey words it (its id when the survey is not known here). */
export function questionLabel(survey: SurveyTexts | undefined, questionId: string, language: string): string {
  const question = survey?.questions.find((q) => q.id === questionId)
  return survey && question ? pick(question.text, language, survey, questionId) : questionId
}

/** An answer value as the visitor saw it for choices; scale points and numbers stay as they are. */
export function answerLabel(survey: SurveyTexts | undefined, questionId: string, value: string, language: string): string {
  const option = survey?.questions.find((q) => q.id === questionId)?.options?.find((o) => o.value === value)
  return survey && option ? pick(option.label, language, survey, value) : value
}
