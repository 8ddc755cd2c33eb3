import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Kit } from '../../../shared/records'
import type { SurveyDetail, SurveySummary } from '../../../shared/survey-protocol'
import * as api from '../../api/survey-api'
import { listKits } from '../../api/coordinator-api'
import { attempt } from '../attempt'
import { readJsonFile } from './survey-file'
import { problemsFromDetails, type SurveyProblem } from './survey-problems'

export type ImportResult = { ok: true; detail: SurveyDetail } | { ok: false; code: string; problems: SurveyProblem[] }

/** The server's surveys and kits as the coordinator sees them (nothing of this is kept on the device). */
export const useCoordinatorSurveys = defineStore('coordinator-surveys', () => {
  const surveys = ref<SurveySummary[] | null>(null)
  const kits = ref<Kit[] | null>(null)
  const loadError = ref<string | null>(null)

  /** Fetches surveys and kits afresh. */
  async function load(): Promise<void> {
    loadError.value = null
    const result = await attempt(() => Promise.all([api.listSurveys(), listKits()]))
    if (result.ok) [surveys.value, kits.value] = result.value
    else loadError.value = result.error.code
  }

  /** The kits whose kiosk offers this survey. */
  function kitsUsing(surveyId: string): Kit[] {
    return (kits.value ?? []).filter((kit) => kit.surveyIds?.includes(surveyId))
  }

  /**
   * Adds the survey to a kit (last in its order) or takes it off, at the kit version read: the
   * server refuses a kit changed meanwhile (version_conflict) or a survey never published.
   */
  async function attach(kit: Kit, surveyId: string, attached: boolean): Promise<string | null> {
    const current = kit.surveyIds ?? []
    const surveyIds = attached ? [...current.filter((id) => id !== surveyId), surveyId] : current.filter((id) => id !== surveyId)
    const { id: _id, version, ...fields } = kit
    const result = await attempt(() => api.updateKit(kit.id, { ...fields, surveyIds, version }))
    if (!result.ok) return result.error.code
    kits.value = (kits.value ?? []).map((k) => (k.id === kit.id ? result.value : k))
    return null
  }

  /** Reads a chosen file and hands it to the server; a refused file changes nothing there. */
  async function importFile(file: Pick<File, 'size' | 'text'>): Promise<ImportResult> {
    const read = await readJsonFile(file)
    if (!read.ok) return { ok: false, code: read.code, problems: [] }
    const result = await attempt(() => api.importSurvey(read.value))
    if (result.ok) {
      await load()
      return { ok: true, detail: result.value }
    }
    return { ok: false, code: result.error.code, problems: problemsFromDetails(result.error.details) }
  }

  /** The survey as a file (its published revision, or the draft of a never-published one). */
  async function exportFile(surveyId: string) {
    return attempt(() => api.exportSurvey(surveyId))
  }

  return { surveys, kits, loadError, load, kitsUsing, attach, importFile, exportFile }
})
