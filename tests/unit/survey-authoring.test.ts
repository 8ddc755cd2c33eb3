import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import {
  addOption, addQuestion, blankSurvey, cleanSurvey, missingTranslations, moveQuestion, removeQuestion, setLanguages, setUnit, skipTargets,
} from '../../src/app/coordinator/surveys/survey-draft'
import { describePath, problemKey, problemsFromDetails, surveyProblems } from '../../src/app/coordinator/surveys/survey-problems'
import { readJsonFile, surveyFileName } from '../../src/app/coordinator/surveys/survey-file'
import { isSurveySource, startingContent } from '../../src/app/coordinator/surveys/survey-sources'
import { usePreviewSession } from '../../src/app/coordinator/surveys/usePreviewSession'
import { standSatisfaction } from '../../src/shared/survey-templates/stand-satisfaction'
import { surveyContentSchema, type SurveyContent } from '../../src/shared/surveys'

/** A two-language survey with every text filled in. */
function filled(): SurveyContent {
  const survey = blankSurvey('Cuore', ['it', 'en'])
  survey.title = { it: 'Il cuore', en: 'Your heart' }
  survey.questions[0]!.text = { it: 'Ha misurato la pressione?', en: 'Did you have your blood pressure taken?' }
  return survey
}

describe('editing a survey draft', () => {
  it('starts a blank survey with one yes/no question and every text empty in every language', () => {
    const survey = blankSurvey('', ['it', 'en'])
    expect(survey.questions).toMatchObject([{ id: 'q1', type: 'yes_no', required: true, text: { it: '', en: '' } }])
    expect(missingTranslations(survey).map((m) => m.path)).toEqual(['title.it', 'title.en', 'questions.0.text.it', 'questions.0.text.en'])
  })

  it('gives a new question the fields its type needs, with a fresh id', () => {
    const survey = filled()
    expect(addQuestion(survey, 'single_choice')).toMatchObject({ id: 'q2', options: [{ value: 'o1' }, { value: 'o2' }] })
    expect(addQuestion(survey, 'likert_5')).toMatchObject({ id: 'q3', scale: 'agreement' })
    const number = addQuestion(survey, 'number')
    expect(number).toMatchObject({ id: 'q4', min: 0, max: 100 })
    setUnit(number, survey.languages, true)
    expect(missingTranslations(survey).filter((m) => m.path.startsWith('questions.3.unit'))).toHaveLength(2)
    setUnit(number, survey.languages, false)
    expect(number.unit).toBeUndefined()
    const choice = survey.questions[1]!
    addOption(choice, survey.languages)
    expect(choice.options?.map((o) => o.value)).toEqual(['o1', 'o2', 'o3'])
    expect(choice.options?.[2]?.label).toEqual({ it: '', en: '' })
  })

  it('adds empty texts for a new language and drops the texts of a removed one, keeping the default valid', () => {
    const survey = filled()
    setLanguages(survey, ['en', 'ar'])
    expect(survey.title).toEqual({ en: 'Your heart', ar: '' })
    expect(survey.defaultLanguage).toBe('en')
    expect(missingTranslations(survey)).toEqual([{ path: 'title.ar', lang: 'ar' }, { path: 'questions.0.text.ar', lang: 'ar' }])
  })

  it('reorders questions, and deleting one drops the skip logic that named it', () => {
    const survey = filled()
    addQuestion(survey, 'faces_3')
    survey.questions[1]!.showIf = { questionId: 'q1', anyOf: ['yes'] }
    expect(skipTargets(survey, 1).map((q) => q.id)).toEqual(['q1'])
    moveQuestion(survey, 1, 1) // the last cannot move down
    moveQuestion(survey, 0, -1) // the first cannot move up
    expect(survey.questions.map((q) => q.id)).toEqual(['q1', 'q2'])
    moveQuestion(survey, 1, -1)
    expect(survey.questions.map((q) => q.id)).toEqual(['q2', 'q1'])
    // q2 now looks forward at q1: the model's own check says so.
    expect(surveyProblems(survey)).toContainEqual({ path: 'questions.0.showIf.questionId', code: 'must_name_an_earlier_question' })
    removeQuestion(survey, 1)
    expect(survey.questions).toHaveLength(1)
    expect(survey.questions[0]!.showIf).toBeUndefined()
  })

  it('sends texts trimmed and leaves empty ones out, so the server reads them as missing', () => {
    const survey = filled()
    survey.title = { it: '  Il cuore  ', en: '   ' }
    expect(cleanSurvey(survey).title).toEqual({ it: 'Il cuore' })
    expect(survey.title.en).toBe('   ') // the working copy is not touched
  })

  it('finds no problem in a complete survey, and the shipped templates pass as they are', () => {
    expect(surveyProblems(filled())).toEqual([])
    expect(surveyProblems(startingContent('standSatisfaction'))).toEqual([])
    expect(surveyContentSchema.safeParse(cleanSurvey(standSatisfaction)).success).toBe(true)
  })

  it('names each problem with its path and code: range, options, skip answers', () => {
    const survey = filled()
    const number = addQuestion(survey, 'number')
    number.text = { it: 'Quanti anni?', en: 'How old?' }
    number.min = 10
    number.max = 5
    const later = addQuestion(survey, 'yes_no')
    later.text = { it: 'Fuma?', en: 'Do you smoke?' }
    later.showIf = { questionId: 'q1', anyOf: ['maybe'] }
    expect(surveyProblems(survey)).toEqual([
      { path: 'questions.1.max', code: 'min_below_max_required' },
      { path: 'questions.2.showIf.anyOf', code: 'not_an_answer_of_that_question' },
    ])
  })
})

describe('problems as the coordinator reads them', () => {
  it('keeps the server model codes and reads zod sentences as "invalid", path kept', () => {
    expect(problemsFromDetails([
      { path: 'survey.title.en', message: 'missing_translation' },
      { path: 'survey.questions.0.type', message: 'Invalid option: expected one of "single_choice"|"multiple_choice"' },
    ])).toEqual([{ path: 'survey.title.en', code: 'missing_translation' }, { path: 'survey.questions.0.type', code: 'invalid' }])
    expect(problemsFromDetails(undefined)).toEqual([])
    expect(problemKey('never_heard_of')).toBe('coordinator.surveys.problems.invalid')
  })

  it('describes a path in words, part by part', () => {
    expect(describePath('survey.questions.2.options.0.label.ar')).toEqual([
      { key: 'coordinator.surveys.path.question', params: { n: 3 } },
      { key: 'coordinator.surveys.path.option', params: { n: 1 } },
      { key: 'coordinator.surveys.path.label' },
      { key: 'coordinator.surveys.path.raw', params: { name: 'ar' } },
    ])
  })
})

describe('survey files and sources', () => {
  const file = (text: string, size = text.length) => ({ size, text: async () => text })

  it('reads JSON, and refuses an oversize or malformed file before sending anything', async () => {
    expect(await readJsonFile(file('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } })
    expect(await readJsonFile(file('{"format": ', 11))).toEqual({ ok: false, code: 'bad_json' })
    expect(await readJsonFile(file('{}', 512 * 1024 + 1))).toEqual({ ok: false, code: 'body_too_large' })
  })

  it('keeps a hostile __proto__ key as plain data (no prototype is touched)', async () => {
    const read = await readJsonFile(file('{"__proto__": {"admin": true}}'))
    expect(read.ok && Object.hasOwn(read.value as object, '__proto__')).toBe(true)
    expect(({} as { admin?: boolean }).admin).toBeUndefined()
  })

  it('names files safely and knows its sources', () => {
    expect(surveyFileName('Soddisfazione per lo stand — Lodi!')).toBe('survey-soddisfazione-per-lo-stand-lodi.json')
    expect(surveyFileName('استبيان')).toBe('survey-export.json')
    expect(isSurveySource('healthLiteracy')).toBe(true)
    expect(isSurveySource('__proto__')).toBe(false)
    expect(startingContent('blank').languages).toEqual(['it', 'en'])
  })
})

describe('the preview session', () => {
  it('walks the kiosk steps: language, privacy, one-tap answers, skip logic, required, thanks; it records nothing', () => {
    const survey = ref(filled())
    const where = addQuestion(survey.value, 'single_choice')
    where.showIf = { questionId: 'q1', anyOf: ['yes'] }
    addQuestion(survey.value, 'number').required = false
    const preview = usePreviewSession(survey)
    preview.chooseLanguage('ar')
    expect([preview.step.value, preview.language.value]).toEqual(['privacy', 'ar'])
    preview.start()
    preview.goNext()
    expect(preview.missing.value).toBe(true) // q1 is required
    preview.answer('no') // one tap: moves on, and q2 is hidden by "no"
    expect(preview.current.value?.id).toBe('q3')
    expect(preview.questions.value.map((q) => q.id)).toEqual(['q1', 'q3'])
    preview.goBack()
    preview.answer('yes')
    expect(preview.current.value?.id).toBe('q2')
    preview.answer('o1')
    preview.goNext() // the optional number, skipped
    expect(preview.step.value).toBe('thanks')
    preview.reset()
    expect([preview.step.value, preview.answers.value.size, preview.language.value]).toEqual(['attract', 0, ''])
  })
})
