import type { SurveyResponseFact } from './records.js'
import type { Localized, Question, Survey } from './surveys.js'

/**
 * HL7 FHIR R4 mapping of surveys (docs/exports.md): each published revision is a Questionnaire
 * (url urn:uuid:<survey id>, version <revision>), each response an anonymous
 * QuestionnaireResponse — no subject, no author, no source: nothing about the visitor.
 */
type Json = Record<string, unknown>

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation'
export const CORNER_SYSTEM = 'urn:corner'

export const questionnaireId = (surveyId: string, revision: number) => `${surveyId}-r${revision}`
export const questionnaireCanonical = (surveyId: string, revision: number) => `urn:uuid:${surveyId}|${revision}`
const optionSystem = (surveyId: string, questionId: string) => `${CORNER_SYSTEM}:survey:${surveyId}:${questionId}`

/** The text in the default language, the others as FHIR translation extensions. */
function localizedText(texts: Localized, defaultLanguage: string): { text: string; _text?: Json } {
  const others = Object.entries(texts).filter(([lang]) => lang !== defaultLanguage)
  return {
    text: texts[defaultLanguage] ?? Object.values(texts)[0] ?? '',
    ...(others.length ? { _text: { extension: others.map(([lang, content]) => ({ url: TRANSLATION, extension: [{ url: 'lang', valueCode: lang }, { url: 'content', valueString: content }] })) } } : {}),
  }
}

const SCALE_POINTS: Partial<Record<Question['type'], number[]>> = { faces_3: [1, 2, 3], faces_5: [1, 2, 3, 4, 5], likert_5: [1, 2, 3, 4, 5] }

function itemType(q: Question): string {
  if (q.type === 'yes_no') return 'boolean'
  if (q.type === 'number' || q.type === 'scale_0_10') return 'integer'
  return 'choice'
}

function answerOptions(surveyId: string, q: Question, defaultLanguage: string, scaleLabel: (q: Question, point: number) => string): Json[] | undefined {
  if (q.options) return q.options.map((o) => ({ valueCoding: { system: optionSystem(surveyId, q.id), code: o.value, display: o.label[defaultLanguage] } }))
  const points = SCALE_POINTS[q.type]
  return points?.map((p) => ({ valueCoding: { system: optionSystem(surveyId, q.id), code: String(p), display: scaleLabel(q, p) } }))
}

function enableWhen(surveyId: string, survey: Survey, q: Question): Json | undefined {
  if (!q.showIf) return undefined
  const target = survey.questions.find((t) => t.id === q.showIf?.questionId)
  if (!target) return undefined
  return {
    enableWhen: q.showIf.anyOf.map((value) => ({ question: target.id, operator: '=', ...answerValue(surveyId, target, value) })),
    enableBehavior: 'any',
  }
}

/** One answer value as FHIR answer[x]. */
function answerValue(surveyId: string, q: Question, value: string | number): Json {
  if (q.type === 'yes_no') return { answerBoolean: value === 'yes', valueBoolean: value === 'yes' }
  if (q.type === 'number' || q.type === 'scale_0_10') return { answerInteger: Number(value), valueInteger: Number(value) }
  const coding = { system: optionSystem(surveyId, q.id), code: String(value) }
  return { answerCoding: coding, valueCoding: coding }
}

const pick = (json: Json, prefix: 'answer' | 'value') => Object.fromEntries(Object.entries(json).filter(([k]) => k.startsWith(prefix)))

export function toQuestionnaire(survey: Survey, scaleLabel: (q: Question, point: number) => string): Json {
  return {
    resourceType: 'Questionnaire',
    id: questionnaireId(survey.id, survey.revision),
    url: `urn:uuid:${survey.id}`,
    version: String(survey.revision),
    name: survey.name.replace(/[^A-Za-z0-9]/g, '').slice(0, 60) || 'Survey',
    ...localizedTitle(survey),
    status: 'active',
    date: survey.publishedAt,
    language: survey.defaultLanguage,
    item: survey.questions.map((q) => {
      const when = enableWhen(survey.id, survey, q)
      const options = answerOptions(survey.id, q, survey.defaultLanguage, scaleLabel)
      return {
        linkId: q.id,
        ...localizedText(q.text, survey.defaultLanguage),
        type: itemType(q),
        required: q.required,
        ...(q.type === 'multiple_choice' ? { repeats: true } : {}),
        ...(options ? { answerOption: options } : {}),
        ...(when ? { enableWhen: (when.enableWhen as Json[]).map((w) => ({ question: w.question, operator: w.operator, ...pick(w, 'answer') })), enableBehavior: when.enableBehavior } : {}),
      }
    }),
  }
}

function localizedTitle(survey: Survey): Json {
  const { text, _text } = localizedText(survey.title, survey.defaultLanguage)
  return { title: text, ...(_text ? { _title: _text } : {}) }
}

export function toQuestionnaireResponse(fact: SurveyResponseFact, survey: Survey | undefined): Json {
  const p = fact.payload
  return {
    resourceType: 'QuestionnaireResponse',
    id: fact.id,
    meta: {
      tag: [
        { system: `${CORNER_SYSTEM}:channel`, code: p.channel },
        { system: `${CORNER_SYSTEM}:event`, code: fact.eventId },
        ...(p.tooFast ? [{ system: `${CORNER_SYSTEM}:flag`, code: 'too-fast', display: 'Answered faster than a person reads' }] : []),
      ],
    },
    language: p.language,
    questionnaire: questionnaireCanonical(p.surveyId, p.surveyVersion),
    // "stopped": the visitor left before the end; what they answered is kept.
    status: p.completion === 'complete' ? 'completed' : 'stopped',
    authored: p.completedAt ?? fact.at,
    item: p.answers.map((a) => {
      const q = survey?.questions.find((x) => x.id === a.questionId)
      const values = [a.value].flat()
      return {
        linkId: a.questionId,
        answer: values.map((v) => (q ? pick(answerValue(p.surveyId, q, v), 'value') : { valueString: String(v) })),
      }
    }),
  }
}
