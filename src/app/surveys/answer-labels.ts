import type { Question } from '../../shared/surveys'
import { localizedText, scaleLabel } from './visitor-texts'

/** The words for one answer value of a question, as results list it (in the reader's language). */
export function answerLabel(question: Question, value: string, language: string): string {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return localizedText(question.options?.find((o) => o.value === value)?.label, language) || value
    case 'faces_3':
    case 'faces_5':
      return scaleLabel(language, question.type, value)
    case 'likert_5':
      return scaleLabel(language, question.scale ?? 'agreement', value)
    case 'yes_no':
      return scaleLabel(language, 'yes_no', value)
    default:
      return value
  }
}
