import { describe, expect, it } from 'vitest'
import { templateSurveys } from '../../src/shared/survey-templates/index.js'
import { surveyContentSchema, surveySchema, type SurveyContent } from '../../src/shared/surveys.js'

const base: SurveyContent = {
  name: 'Prova',
  languages: ['it', 'ar'],
  defaultLanguage: 'it',
  title: { it: 'Titolo', ar: 'عنوان' },
  questions: [
    { id: 'smoke', type: 'yes_no', required: true, text: { it: 'Fuma?', ar: 'هل تدخن؟' } },
    { id: 'quit', type: 'likert_5', scale: 'likelihood', required: false, text: { it: 'Smetterà?', ar: 'هل ستقلع؟' }, showIf: { questionId: 'smoke', anyOf: ['yes'] } },
  ],
}
const problems = (survey: unknown) => {
  const result = surveyContentSchema.safeParse(survey)
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('survey definitions', () => {
  it('accepts every shipped template, in five languages', () => {
    for (const survey of templateSurveys) expect(surveySchema.safeParse(survey).success, survey.name).toBe(true)
  })

  it('accepts a well-formed survey with skip logic', () => {
    expect(problems(base)).toEqual([])
  })

  it.each<[string, (s: SurveyContent) => unknown, string]>([
    ['a missing translation', (s) => ({ ...s, title: { it: 'Solo' } }), 'title.ar: missing_translation'],
    ['a text in a language not offered', (s) => ({ ...s, title: { ...s.title, fr: 'Titre' } }), 'title.fr: language_not_offered'],
    ['a default language not offered', (s) => ({ ...s, defaultLanguage: 'en' }), 'defaultLanguage: not_in_languages'],
    ['two questions with one id', (s) => ({ ...s, questions: [s.questions[0], { ...s.questions[0] }] }), 'questions.1.id: duplicate_question_id'],
    ['skip logic pointing forward', (s) => ({ ...s, questions: [s.questions[1], s.questions[0]] }), 'questions.0.showIf.questionId: must_name_an_earlier_question'],
    ['skip logic on an answer that does not exist', (s) => ({ ...s, questions: [s.questions[0], { ...s.questions[1], showIf: { questionId: 'smoke', anyOf: ['maybe'] } }] }), 'questions.1.showIf.anyOf: not_an_answer_of_that_question'],
    ['a choice without options', (s) => ({ ...s, questions: [{ ...s.questions[0], type: 'single_choice' }] }), 'questions.0.options: options_required'],
    ['options on a yes/no', (s) => ({ ...s, questions: [{ ...s.questions[0], options: [{ value: 'a', label: s.title }, { value: 'b', label: s.title }] }] }), 'questions.0.options: options_not_allowed'],
    ['a Likert without its scale', (s) => ({ ...s, questions: [s.questions[0], { ...s.questions[1], scale: undefined }] }), 'questions.1.scale: scale_required'],
    ['a number without a range', (s) => ({ ...s, questions: [{ ...s.questions[0], type: 'number', min: 5, max: 5 }] }), 'questions.0.max: min_below_max_required'],
  ])('refuses %s, naming where', (_what, change, expected) => {
    expect(problems(change(base))).toContain(expected)
  })

  it('has no free-text question type, and refuses unknown properties', () => {
    expect(problems({ ...base, questions: [{ ...base.questions[0], type: 'free_text' }] })[0]).toMatch(/^questions\.0\.type/)
    expect(problems({ ...base, questions: [{ ...base.questions[0], placeholder: 'Scriva qui' }] })[0]).toMatch(/Unrecognized key/)
  })
})
