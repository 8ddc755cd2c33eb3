import { z } from 'zod'
import { answerValues } from './survey-answers.js'

/**
 * Quick surveys: versioned documents authored centrally and pulled by tablets. Every text a
 * visitor reads is given in each of the survey's languages; the labels of built-in scales
 * (faces, Likert, 0–10, yes/no) come from the app's locale files. No free-text questions:
 * visitors must never be asked for something that could identify them.
 */
export const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'faces_3', 'faces_5', 'likert_5', 'scale_0_10', 'yes_no', 'number'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
/** What a 5-point scale measures: its five labels come from the locale files. */
export const LIKERT_SCALES = ['agreement', 'frequency', 'likelihood'] as const

export const MAX_QUESTIONS = 20
export const MAX_OPTIONS = 12

/** A language code (`it`, `zh`, `pt-BR` …): adding a language is adding a locale file. */
export const languageCodeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)
const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
const text = (max: number) => z.string().trim().min(1).max(max)
/** One visitor-facing text in several languages. */
export const localizedSchema = (max = 300) => z.record(languageCodeSchema, text(max))

const optionSchema = z.strictObject({ value: slug, label: localizedSchema(120) })

/** "Show this question only if the answer to `questionId` is one of `anyOf`." */
export const showIfSchema = z.strictObject({
  questionId: slug,
  anyOf: z.array(z.union([slug, z.number().int().min(0).max(10)])).min(1).max(MAX_OPTIONS),
})

export const questionSchema = z.strictObject({
  id: slug,
  type: z.enum(QUESTION_TYPES),
  required: z.boolean(),
  text: localizedSchema(300),
  /** single_choice and multiple_choice only. */
  options: z.array(optionSchema).min(2).max(MAX_OPTIONS).optional(),
  /** likert_5 only. */
  scale: z.enum(LIKERT_SCALES).optional(),
  /** number only: whole numbers in [min, max]. */
  min: z.number().int().min(0).max(1_000_000).optional(),
  max: z.number().int().min(0).max(1_000_000).optional(),
  unit: localizedSchema(40).optional(),
  showIf: showIfSchema.optional(),
})

const contentShape = {
  /** For coordinators only; never shown to visitors. */
  name: text(120),
  languages: z.array(languageCodeSchema).min(1).max(12),
  defaultLanguage: languageCodeSchema,
  title: localizedSchema(120),
  questions: z.array(questionSchema).min(1).max(MAX_QUESTIONS),
}

/** The content a coordinator publishes: every text in every language. */
export const surveyContentSchema = z.strictObject(contentShape).superRefine(checkSurvey)

/**
 * A draft as a coordinator saves it (and as survey files carry it): the same rules, except that
 * texts may still be missing in some languages. Only publishing asks for every translation.
 */
export const surveyDraftContentSchema = z.strictObject(contentShape).superRefine((survey, ctx) => checkRules(survey, ctx, false))

/** A published survey as tablets pull it. `revision` counts publications; `version` is the sync cursor. */
export const surveySchema = z.strictObject({
  ...surveyContentSchema.shape,
  id: z.uuid(),
  version: z.number().int().min(0),
  revision: z.number().int().min(1),
  publishedAt: z.iso.datetime({ offset: true }),
}).superRefine(checkSurvey)

/** A published survey as a kit file carries it (its sync version is the receiving server's business). */
export const surveyFileEntrySchema = z.strictObject({
  ...surveyContentSchema.shape,
  id: z.uuid(),
  revision: z.number().int().min(1),
  publishedAt: z.iso.datetime({ offset: true }),
}).superRefine(checkSurvey)

/** As answers carry it: fields a newer server adds are dropped, not refused. */
export const surveyDocumentSchema = surveySchema.strip()

type SurveyShape = z.infer<typeof surveyContentSchema>

function issue(ctx: z.RefinementCtx, path: (string | number)[], message: string) {
  ctx.addIssue({ code: 'custom', path, message })
}

/** Rules a schema alone cannot say: every text in every language, options where they belong, skip logic backwards only. */
function checkSurvey(survey: SurveyShape, ctx: z.RefinementCtx): void {
  checkRules(survey, ctx, true)
}

function checkRules(survey: SurveyShape, ctx: z.RefinementCtx, everyTranslation: boolean): void {
  const languages = new Set(survey.languages)
  if (languages.size !== survey.languages.length) issue(ctx, ['languages'], 'duplicate_language')
  if (!languages.has(survey.defaultLanguage)) issue(ctx, ['defaultLanguage'], 'not_in_languages')
  const complete = (texts: Record<string, string> | undefined, path: (string | number)[]) => {
    if (!texts) return
    if (everyTranslation) for (const lang of languages) if (!texts[lang]) issue(ctx, [...path, lang], 'missing_translation')
    for (const lang of Object.keys(texts)) if (!languages.has(lang)) issue(ctx, [...path, lang], 'language_not_offered')
  }
  complete(survey.title, ['title'])
  const seen = new Map<string, SurveyShape['questions'][number]>()
  survey.questions.forEach((q, i) => {
    const at = ['questions', i]
    if (seen.has(q.id)) issue(ctx, [...at, 'id'], 'duplicate_question_id')
    complete(q.text, [...at, 'text'])
    complete(q.unit, [...at, 'unit'])
    const choice = q.type === 'single_choice' || q.type === 'multiple_choice'
    if (choice !== Boolean(q.options)) issue(ctx, [...at, 'options'], choice ? 'options_required' : 'options_not_allowed')
    q.options?.forEach((o, j) => complete(o.label, [...at, 'options', j, 'label']))
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) issue(ctx, [...at, 'options'], 'duplicate_option')
    if ((q.type === 'likert_5') !== Boolean(q.scale)) issue(ctx, [...at, 'scale'], q.type === 'likert_5' ? 'scale_required' : 'scale_not_allowed')
    const numeric = q.type === 'number'
    if (numeric && (q.min === undefined || q.max === undefined || q.min >= q.max)) issue(ctx, [...at, 'max'], 'min_below_max_required')
    if (!numeric && (q.min !== undefined || q.max !== undefined || q.unit)) issue(ctx, [...at, 'min'], 'range_not_allowed')
    if (q.showIf) {
      const target = seen.get(q.showIf.questionId)
      if (!target) issue(ctx, [...at, 'showIf', 'questionId'], 'must_name_an_earlier_question')
      else if (!q.showIf.anyOf.every((v) => answerValues(target).includes(v))) issue(ctx, [...at, 'showIf', 'anyOf'], 'not_an_answer_of_that_question')
    }
    seen.set(q.id, q)
  })
}

// Kept apart from zod, so the phone survey page can use it without the schemas.
export { answerValues }

export type Question = z.infer<typeof questionSchema>
export type SurveyContent = z.infer<typeof surveyContentSchema>
/** Same shape as SurveyContent; some texts may lack some languages. */
export type SurveyDraftContent = z.infer<typeof surveyDraftContentSchema>
export type Survey = z.infer<typeof surveySchema>
export type Localized = Record<string, string>
