import { computed, ref, shallowRef, type Ref } from 'vue'
import { visibleQuestions } from '../../../shared/survey-logic'
import type { SurveyContent } from '../../../shared/surveys'
import { ONE_TAP, type KioskStep } from '../../kiosk/useKioskSession'
import type { AnswerValue } from '../../surveys/question-props'

/**
 * The kiosk's steps for the coordinator's preview: the same screens, order, skip logic and
 * one-tap moves as useKioskSession, with answers kept in memory only (a preview records nothing).
 */
export function usePreviewSession(survey: Ref<SurveyContent>) {
  const step = ref<KioskStep>('attract')
  const language = ref('')
  const answers = shallowRef(new Map<string, AnswerValue>())
  const index = ref(0)
  const missing = ref(false)

  const questions = computed(() => visibleQuestions(survey.value, answers.value))
  const current = computed(() => questions.value[index.value])
  const isLast = computed(() => index.value >= questions.value.length - 1)

  function chooseLanguage(code: string) {
    language.value = code
    step.value = 'privacy'
  }

  function start() {
    answers.value = new Map()
    index.value = 0
    missing.value = false
    step.value = 'question'
  }

  function answer(value: AnswerValue | undefined) {
    const q = current.value
    if (!q) return
    const next = new Map(answers.value)
    if (value === undefined) next.delete(q.id)
    else next.set(q.id, value)
    answers.value = next
    missing.value = false
    if (value !== undefined && ONE_TAP.has(q.type)) goNext()
  }

  function goNext() {
    const q = current.value
    if (!q) return
    if (q.required && !answers.value.has(q.id)) missing.value = true
    else if (isLast.value) step.value = 'thanks'
    else index.value++
  }

  function goBack() {
    missing.value = false
    if (index.value > 0) index.value--
    else step.value = 'privacy'
  }

  /** Back to the attract screen, answers forgotten. */
  function reset() {
    answers.value = new Map()
    index.value = 0
    missing.value = false
    language.value = ''
    step.value = 'attract'
  }

  return { step, language, answers, index, missing, questions, current, isLast, chooseLanguage, start, answer, goNext, goBack, reset }
}
