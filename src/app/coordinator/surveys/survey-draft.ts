import { answerValues, type Localized, type Question, type QuestionType, type SurveyContent } from '../../../shared/surveys'

/**
 * Editing a survey in the coordinator's browser: a working copy where a visitor-facing text
 * may still be empty in some language (flagged in the grid, refused on save). These helpers
 * change the copy in place, so the editor's reactive object follows them.
 */

const CHOICE: readonly QuestionType[] = ['single_choice', 'multiple_choice']

const blankTexts = (languages: readonly string[]): Localized => Object.fromEntries(languages.map((lang) => [lang, '']))

/** The first `prefix<n>` not taken. */
export function freeId(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken)
  let n = 1
  while (used.has(`${prefix}${n}`)) n++
  return `${prefix}${n}`
}

export function blankSurvey(name: string, languages: readonly string[]): SurveyContent {
  return { name, languages: [...languages], defaultLanguage: languages[0] ?? 'it', title: blankTexts(languages), questions: [blankQuestion('q1', 'yes_no', languages)] }
}

export function blankQuestion(id: string, type: QuestionType, languages: readonly string[]): Question {
  const question: Question = { id, type, required: true, text: blankTexts(languages) }
  fitToType(question, languages)
  return question
}

/** Gives a question the fields its type needs and drops the others (options, scale, range). */
export function fitToType(question: Question, languages: readonly string[]): void {
  if (CHOICE.includes(question.type)) question.options ??= [{ value: 'o1', label: blankTexts(languages) }, { value: 'o2', label: blankTexts(languages) }]
  else delete question.options
  if (question.type === 'likert_5') question.scale ??= 'agreement'
  else delete question.scale
  if (question.type === 'number') {
    question.min ??= 0
    question.max ??= 100
  } else {
    delete question.min
    delete question.max
    delete question.unit
  }
}

export function addQuestion(survey: SurveyContent, type: QuestionType): Question {
  const question = blankQuestion(freeId(survey.questions.map((q) => q.id), 'q'), type, survey.languages)
  survey.questions.push(question)
  return question
}

/** A number question's unit ("years", "cigarettes a day"): given in every language, or none. */
export function setUnit(question: Question, languages: readonly string[], on: boolean): void {
  if (on) question.unit ??= blankTexts(languages)
  else delete question.unit
}

export function addOption(question: Question, languages: readonly string[]): void {
  question.options?.push({ value: freeId(question.options.map((o) => o.value), 'o'), label: blankTexts(languages) })
}

/** Drops a question and every "show if" that named it (those questions are then always shown). */
export function removeQuestion(survey: SurveyContent, index: number): void {
  const [removed] = survey.questions.splice(index, 1)
  for (const q of survey.questions) if (removed && q.showIf?.questionId === removed.id) delete q.showIf
}

/** Moves a question up (-1) or down (+1); a "show if" left pointing forwards is flagged by the checks. */
export function moveQuestion(survey: SurveyContent, index: number, delta: -1 | 1): void {
  const target = index + delta
  if (target < 0 || target >= survey.questions.length) return
  const [question] = survey.questions.splice(index, 1)
  if (question) survey.questions.splice(target, 0, question)
}

/** Questions a "show if" may name: earlier ones whose answers can be listed (not number questions). */
export function skipTargets(survey: SurveyContent, index: number): Question[] {
  return survey.questions.slice(0, index).filter((q) => answerValues(q).length > 0)
}

/** Every localized text of the survey, each with where it lives. */
export function localizedEntries(survey: SurveyContent): { path: (string | number)[]; texts: Localized }[] {
  const entries: { path: (string | number)[]; texts: Localized }[] = [{ path: ['title'], texts: survey.title }]
  survey.questions.forEach((q, i) => {
    entries.push({ path: ['questions', i, 'text'], texts: q.text })
    q.options?.forEach((o, j) => entries.push({ path: ['questions', i, 'options', j, 'label'], texts: o.label }))
    if (q.unit) entries.push({ path: ['questions', i, 'unit'], texts: q.unit })
  })
  return entries
}

/** Offers exactly `languages`: new ones get empty texts to fill, dropped ones lose theirs. */
export function setLanguages(survey: SurveyContent, languages: readonly string[]): void {
  survey.languages = [...languages]
  if (!languages.includes(survey.defaultLanguage) && languages[0]) survey.defaultLanguage = languages[0]
  for (const { texts } of localizedEntries(survey)) {
    for (const lang of Object.keys(texts)) if (!languages.includes(lang)) delete texts[lang]
    for (const lang of languages) texts[lang] ??= ''
  }
}

/** Texts still empty, one per text and language: the grid flags them, publishing waits for them. */
export function missingTranslations(survey: SurveyContent): { path: string; lang: string }[] {
  return localizedEntries(survey).flatMap(({ path, texts }) =>
    survey.languages.filter((lang) => !texts[lang]?.trim()).map((lang) => ({ path: [...path, lang].join('.'), lang })),
  )
}

/** The copy as the server takes it: texts trimmed, empty ones left out (so they read as missing). */
export function cleanSurvey(survey: SurveyContent): SurveyContent {
  const copy = plainCopy(survey)
  for (const { texts } of localizedEntries(copy)) {
    for (const [lang, value] of Object.entries(texts)) {
      if (value.trim()) texts[lang] = value.trim()
      else delete texts[lang]
    }
  }
  copy.name = copy.name.trim()
  return copy
}

/** A deep copy free of Vue proxies (IndexedDB and structuredClone refuse them); JSON keeps what the schema allows. */
export function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
