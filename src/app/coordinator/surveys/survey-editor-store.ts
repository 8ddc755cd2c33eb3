import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ApiErrorDetail } from '../../api/api-error'
import type { SurveyDetail } from '../../../shared/survey-protocol'
import type { Survey, SurveyContent } from '../../../shared/surveys'
import * as api from '../../api/survey-api'
import { attempt } from '../attempt'
import { blankSurvey, cleanSurvey, missingTranslations, plainCopy, setLanguages } from './survey-draft'
import { problemsFromDetails, surveyProblems, type SurveyProblem } from './survey-problems'

export type EditorOutcome = 'saved' | 'published' | 'problems' | 'failed'

/** What a published survey carries beyond its content. */
function contentOf(survey: Survey): SurveyContent {
  const { id: _i, version: _v, revision: _r, publishedAt: _p, ...content } = survey
  return content
}

/** The survey being edited: the server's copy, the coordinator's working copy, and why a save was refused. */
export const useSurveyEditor = defineStore('coordinator-survey-editor', () => {
  const detail = ref<SurveyDetail | null>(null)
  const draft = ref<SurveyContent>(blankSurvey('', ['it']))
  const savedJson = ref('')
  const problems = ref<SurveyProblem[]>([])
  const failure = ref<string | null>(null)
  const busy = ref(false)
  const loadError = ref<string | null>(null)
  const missing = computed(() => missingTranslations(draft.value))
  const dirty = computed(() => JSON.stringify(cleanSurvey(draft.value)) !== savedJson.value)
  /** Something to publish: changes not yet saved, or a saved draft. */
  const publishable = computed(() => dirty.value || Boolean(detail.value?.draft))

  function take(next: SurveyDetail) {
    detail.value = next
    const content = next.draft ?? (next.published ? contentOf(next.published) : null)
    if (!content) return
    draft.value = plainCopy(content)
    setLanguages(draft.value, draft.value.languages)
    savedJson.value = JSON.stringify(cleanSurvey(draft.value))
  }

  function reset() {
    problems.value = []
    failure.value = null
    loadError.value = null
  }

  /** Starts a survey that exists only here until its first save (from scratch or a template's copy). */
  function startNew(content: SurveyContent) {
    reset()
    detail.value = null
    draft.value = plainCopy(content)
    setLanguages(draft.value, draft.value.languages)
    savedJson.value = ''
  }

  /** Fetches a survey afresh: its draft if it has one, else its published revision. */
  async function open(id: string): Promise<void> {
    reset()
    detail.value = null
    const result = await attempt(() => api.getSurvey(id))
    if (result.ok) take(result.value)
    else loadError.value = result.error.code
  }

  /** Saves the copy as the draft, translations possibly incomplete; refused (nothing overwritten) if anyone changed it since it was opened. */
  async function save(): Promise<EditorOutcome> {
    failure.value = null
    problems.value = surveyProblems(draft.value, false)
    if (problems.value.length > 0) return 'problems'
    busy.value = true
    const content = cleanSurvey(draft.value)
    const existing = detail.value
    const result = await attempt(() => (existing ? api.saveSurveyDraft(existing.id, content, existing.draftVersion) : api.createSurvey(content)))
    busy.value = false
    if (result.ok) {
      take(result.value)
      return 'saved'
    }
    return refused(result.error)
  }

  function refused(error: { code: string; details?: readonly ApiErrorDetail[] }): EditorOutcome {
    problems.value = problemsFromDetails(error.details)
    failure.value = error.code
    return problems.value.length > 0 ? 'problems' : 'failed'
  }

  /**
   * Saves what changed, then publishes the draft as the next revision: refused while a text lacks
   * a language (each one listed), or if someone saved or published meanwhile.
   */
  async function publish(): Promise<EditorOutcome> {
    if (dirty.value || !detail.value) {
      const saved = await save()
      if (saved !== 'saved') return saved
    }
    const current = detail.value
    if (!current) return 'failed'
    const incomplete = surveyProblems(draft.value, true)
    if (incomplete.length > 0) {
      problems.value = incomplete
      failure.value = incomplete.some((p) => p.code === 'missing_translation') ? 'incomplete_translation' : null
      return 'problems'
    }
    busy.value = true
    const result = await attempt(() => api.publishSurvey(current.id, current.revision, current.draftVersion))
    busy.value = false
    if (!result.ok) return refused(result.error)
    take(result.value)
    return 'published'
  }

  return { detail, draft, problems, failure, busy, loadError, missing, dirty, publishable, startNew, open, save, publish }
})
