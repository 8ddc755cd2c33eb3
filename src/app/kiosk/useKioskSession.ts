import { computed, ref, shallowRef, type Ref } from 'vue'
import { discardSurveyDraft, readSurveyDraft, recordSurveyResponse, saveSurveyDraft } from '../db/survey-responses'
import { visibleQuestions } from '../../shared/survey-logic'
import type { Survey } from '../../shared/surveys'
import type { AnswerValue } from '../surveys/question-props'
import { buildSurveyResponse, type SurveyDraft } from '../surveys/survey-response'
import { measureSince, timingStart } from '../perf/user-timing'
import type { KioskClock } from './kiosk-clock'

export type KioskStep = 'attract' | 'privacy' | 'question' | 'thanks'
/** Types answered by one tap: the kiosk moves on by itself. */
export const ONE_TAP = new Set(['single_choice', 'faces_3', 'faces_5', 'likert_5', 'scale_0_10', 'yes_no'])

/**
 * One visitor after another on one survey. Answers live in memory and, after each change, in a
 * local draft (so a killed tablet keeps or drops them as its kit says); a finished survey is a
 * response fact committed with its outbox entry before the thank-you screen shows.
 */
export function useKioskSession(eventId: Ref<string>, survey: Ref<Survey | undefined>, clock: KioskClock, keepPartial: () => boolean) {
  const step = ref<KioskStep>('attract')
  const language = ref('')
  const answers = shallowRef(new Map<string, AnswerValue>())
  const index = ref(0)
  const missing = ref(false)
  const failed = ref(false)
  let startedAt = ''
  /** A response is being committed: a second tap (a double tap on the last answer) must not record another. */
  let committing = false

  const questions = computed(() => (survey.value ? visibleQuestions(survey.value, answers.value) : []))
  const current = computed(() => questions.value[index.value])
  const isLast = computed(() => index.value >= questions.value.length - 1)

  function draft(given = answers.value): SurveyDraft | undefined {
    const s = survey.value
    if (!s) return undefined
    return { eventId: eventId.value, surveyId: s.id, surveyVersion: s.revision, language: language.value, startedAt, answers: [...given] }
  }

  function chooseLanguage(code: string) {
    language.value = code
    step.value = 'privacy'
  }

  function start() {
    answers.value = new Map()
    index.value = 0
    missing.value = false
    startedAt = new Date(clock.now()).toISOString()
    step.value = 'question'
  }

  /** Sets or clears the current question's answer; a one-tap answer moves on. */
  async function answer(value: AnswerValue | undefined) {
    const q = current.value
    if (!q || committing) return
    const next = new Map(answers.value)
    if (value === undefined) next.delete(q.id)
    else next.set(q.id, value)
    const moveOn = value !== undefined && ONE_TAP.has(q.type)
    // The tap that ends the survey writes no draft: the commit would queue behind that strict
    // write on the same store (it was half the wait). If the commit fails, the draft is saved then.
    // Nor does it re-render the question first: that frame held up the commit's answer, and the
    // thank-you screen follows within milliseconds (the answer shows if the commit fails).
    if (moveOn && survey.value && index.value >= visibleQuestions(survey.value, next).length - 1) return finish(next)
    answers.value = next
    missing.value = false
    const saving = saveSurveyDraft(draft()!).catch(() => undefined)
    if (moveOn) await goNext()
    await saving
  }

  async function goNext() {
    const q = current.value
    if (!q) return
    if (q.required && !answers.value.has(q.id)) {
      missing.value = true
      return
    }
    if (isLast.value) await finish()
    else index.value++
  }

  function goBack() {
    missing.value = false
    if (index.value > 0) index.value--
    else step.value = 'privacy'
  }

  async function finish(given = answers.value) {
    const d = draft(given)
    if (!d || !survey.value || committing) return
    const t = timingStart()
    committing = true
    try {
      await recordSurveyResponse(eventId.value, buildSurveyResponse(survey.value, d, new Date(clock.now()).toISOString(), 'complete'))
      measureSince('kiosk:finish', t)
      failed.value = false
      clear()
      step.value = 'thanks'
    } catch {
      // Not saved: the visitor's answers stay on screen and the kiosk says so (storage alert too);
      // the draft keeps them for a tablet killed now, as the kit says.
      failed.value = true
      answers.value = given
      missing.value = false
      await saveSurveyDraft(d).catch(() => undefined)
    } finally {
      committing = false
    }
  }

  function clear() {
    answers.value = new Map()
    index.value = 0
    missing.value = false
  }

  /** Back to the attract screen for the next visitor; answers given so far kept as a partial response or dropped, as the kit says. */
  async function reset() {
    const d = step.value === 'question' ? draft() : undefined
    clear()
    step.value = 'attract'
    language.value = ''
    failed.value = false
    await settleDraft(d)
  }

  async function settleDraft(d: SurveyDraft | undefined) {
    if (d && d.answers.length > 0 && keepPartial() && survey.value?.id === d.surveyId) {
      await recordSurveyResponse(d.eventId, buildSurveyResponse(survey.value, d, new Date(clock.now()).toISOString(), 'partial')).catch(() => undefined)
    } else {
      await discardSurveyDraft().catch(() => undefined)
    }
  }

  /** A draft left by a kiosk that was killed mid-survey: kept as partial or dropped, never shown again. */
  async function settleLeftover(surveys: readonly Survey[]) {
    const left = await readSurveyDraft()
    if (!left) return
    const s = surveys.find((x) => x.id === left.surveyId && x.revision === left.surveyVersion)
    if (left.answers.length > 0 && keepPartial() && s) {
      await recordSurveyResponse(left.eventId, buildSurveyResponse(s, left, new Date(clock.now()).toISOString(), 'partial'))
    } else {
      await discardSurveyDraft()
    }
  }

  return { step, language, answers, index, current, questions, isLast, missing, failed, chooseLanguage, start, answer, goNext, goBack, reset, settleLeftover }
}
