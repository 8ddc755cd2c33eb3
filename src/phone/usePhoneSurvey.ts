import { v7 as uuidv7 } from 'uuid'
import { computed, reactive, ref, shallowRef } from 'vue'
import { PHONE_DEVICE_ID } from '../shared/phone-device'
import type { SurveyResponseFact } from '../shared/records'
import { FACT_SCHEMA_VERSION } from '../shared/schema-version'
import { visibleQuestions } from '../shared/survey-logic'
import type { Survey } from '../shared/surveys'
import type { AnswerValue } from '../app/surveys/question-props'
import { buildSurveyResponse } from '../app/surveys/survey-response'
import { VISITOR_LANGUAGES } from '../app/surveys/visitor-texts'
import { fetchPhoneSurvey } from './phone-api'
import { hasAnswered, markAnswered, queueResponse } from './phone-outbox'
import { flushResponses, sendWhenOnline } from './phone-sender'

export type PhoneStep = 'loading' | 'not_found' | 'unavailable' | 'answered' | 'intro' | 'question' | 'thanks'

/** The phone's language among the survey's: ?lang= from the landing page, else the browser's, else the survey's default. */
export function pickLanguage(survey: Pick<Survey, 'languages' | 'defaultLanguage'>, asked: string | null, browser: readonly string[]): string {
  const usable = (l: string | null | undefined) => (l && survey.languages.includes(l) && VISITOR_LANGUAGES.includes(l) ? l : undefined)
  return usable(asked) ?? browser.map((l) => usable(l.slice(0, 2).toLowerCase())).find(Boolean) ?? survey.defaultLanguage
}

/** The phone survey, one question a screen, as the kiosk does it; channel `phone`. */
export function usePhoneSurvey(code: string, askedLanguage: string | null) {
  const step = ref<PhoneStep>('loading')
  const survey = shallowRef<Survey>()
  const eventId = ref('')
  const language = ref('it')
  const answers = reactive(new Map<string, AnswerValue>())
  const index = ref(0)
  const missing = ref(false)
  const sent = ref(true)
  let startedAt = ''
  const questions = computed(() => (survey.value ? visibleQuestions(survey.value, answers) : []))
  const question = computed(() => questions.value[index.value])
  const onSent = (done: boolean) => (sent.value = done)
  sendWhenOnline(onSent)

  async function load(): Promise<void> {
    // Anything a previous visit could not send goes first.
    void flushResponses(onSent)
    const answer = await fetchPhoneSurvey(code)
    if (!answer.ok) return void (step.value = answer.reason)
    survey.value = answer.survey
    eventId.value = answer.eventId
    language.value = pickLanguage(answer.survey, askedLanguage, navigator.languages)
    step.value = hasAnswered(answer.eventId, answer.survey.id) ? 'answered' : 'intro'
  }

  function start(): void {
    startedAt = new Date().toISOString()
    index.value = 0
    step.value = 'question'
  }

  function answer(value: AnswerValue | undefined): void {
    if (!question.value) return
    if (value === undefined) answers.delete(question.value.id)
    else answers.set(question.value.id, value)
    missing.value = false
  }

  function next(): void {
    const q = question.value
    if (!q) return
    if (q.required && !answers.has(q.id)) return void (missing.value = true)
    if (index.value < questions.value.length - 1) index.value += 1
    else finish()
  }

  function back(): void {
    missing.value = false
    if (index.value > 0) index.value -= 1
    else step.value = 'intro'
  }

  function finish(): void {
    const s = survey.value!
    const at = new Date().toISOString()
    const draft = { eventId: eventId.value, surveyId: s.id, surveyVersion: s.revision, language: language.value, startedAt, answers: [...answers.entries()] }
    const fact: SurveyResponseFact = {
      id: uuidv7(), eventId: eventId.value, deviceId: PHONE_DEVICE_ID, at, schemaVersion: FACT_SCHEMA_VERSION,
      kind: 'survey_response', payload: buildSurveyResponse(s, draft, at, 'complete', 'phone'),
    }
    // Kept on the phone before anything else: a closed tab or a lost network loses nothing.
    queueResponse({ code, fact })
    markAnswered(eventId.value, s.id)
    answers.clear()
    step.value = 'thanks'
    sent.value = false
    void flushResponses(onSent)
  }

  return { step, survey, language, question, index, total: computed(() => questions.value.length), answers, missing, sent, load, start, answer, next, back }
}
