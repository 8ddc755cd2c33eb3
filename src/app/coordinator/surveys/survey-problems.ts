import type { ApiErrorDetail } from '../../api/api-error'
import { surveyContentSchema, surveyDraftContentSchema, type SurveyContent } from '../../../shared/surveys'
import { cleanSurvey } from './survey-draft'

/** One thing wrong with a survey or a survey file: where (dotted path, as the server gives it) and a code. */
export interface SurveyProblem {
  path: string
  code: string
}

/** Codes explained in words (`coordinator.surveys.problems.<code>`); the survey model's own checks and zod's kinds. */
export const EXPLAINED_PROBLEMS = [
  'duplicate_language', 'not_in_languages', 'missing_translation', 'language_not_offered', 'duplicate_question_id',
  'options_required', 'options_not_allowed', 'duplicate_option', 'scale_required', 'scale_not_allowed',
  'min_below_max_required', 'range_not_allowed', 'must_name_an_earlier_question', 'not_an_answer_of_that_question',
  'too_small', 'too_big', 'invalid_type', 'invalid_value', 'invalid_format', 'unrecognized_keys', 'invalid',
] as const

const explained = new Set<string>(EXPLAINED_PROBLEMS)

/** The locale key that explains a problem code (anything new reads as "not valid", never a raw key). */
export function problemKey(code: string): string {
  return `coordinator.surveys.problems.${explained.has(code) ? code : 'invalid'}`
}

/**
 * The same checks the server runs, before anything is sent: a draft may still lack
 * translations (`forPublishing` false); a publication needs every text in every language.
 */
export function surveyProblems(survey: SurveyContent, forPublishing = true): SurveyProblem[] {
  const result = (forPublishing ? surveyContentSchema : surveyDraftContentSchema).safeParse(cleanSurvey(survey))
  if (result.success) return []
  return result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    code: issue.code === 'custom' ? issue.message : issue.code,
  }))
}

/**
 * The server's 400 details as problems. Our model's checks answer with their code as the
 * message; zod's own messages are English sentences, so they read as `invalid` (the path stays).
 */
export function problemsFromDetails(details: readonly ApiErrorDetail[] | undefined): SurveyProblem[] {
  return (details ?? []).map((d) => ({ path: d.path, code: explained.has(d.message) ? d.message : 'invalid' }))
}

export type PathPart = { key: string; params?: Record<string, string | number> }

/**
 * A dotted path in words, part by part (`questions.2.options.0.label.ar` → question 3, option 1,
 * label, ar). Field names not listed read as themselves.
 */
export function describePath(path: string): PathPart[] {
  const parts = path.split('.').filter((p) => p !== '' && p !== 'survey')
  const words: PathPart[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const next = parts[i + 1]
    if ((part === 'questions' || part === 'options') && next !== undefined && /^\d+$/.test(next)) {
      words.push({ key: `coordinator.surveys.path.${part === 'questions' ? 'question' : 'option'}`, params: { n: Number(next) + 1 } })
      i++
    } else if (FIELDS.has(part)) words.push({ key: `coordinator.surveys.path.${part}` })
    else words.push({ key: 'coordinator.surveys.path.raw', params: { name: part } })
  }
  return words
}

const FIELDS = new Set(['name', 'languages', 'defaultLanguage', 'title', 'text', 'label', 'type', 'required', 'scale', 'min', 'max', 'unit', 'showIf', 'anyOf', 'questionId', 'format', 'formatVersion', 'value'])
