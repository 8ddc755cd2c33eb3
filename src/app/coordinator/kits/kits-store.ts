import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { UpdateKitRequest } from '../../../shared/admin-protocol'
import type { Content } from '../../../shared/contents'
import type { Kit } from '../../../shared/records'
import type { SurveySummary } from '../../../shared/survey-protocol'
import * as api from '../../api/kits-api'
import { downloadText } from '../../export/event-log-export'
import { attempt } from '../attempt'
import { kitFileName, readKitFile } from './kit-file'

export type KitResult = { ok: true; kit: Kit } | { ok: false; code: string; details?: readonly { path: string; message: string }[] }

/** The server's kits, and what a kit may offer (published surveys, live contents). */
export const useKitsStore = defineStore('coordinator-kits', () => {
  const kits = ref<Kit[] | null>(null)
  const surveys = ref<SurveySummary[]>([])
  const contents = ref<Content[]>([])
  const loadError = ref<string | null>(null)
  /** The last change, announced on the list. */
  const lastChange = ref<{ kind: 'duplicated' | 'imported' | 'saved' | 'unchanged'; name: string } | null>(null)

  function remember(kit: Kit) {
    kits.value = [kit, ...(kits.value ?? []).filter((k) => k.id !== kit.id)].sort((a, b) => a.name.localeCompare(b.name))
  }

  /** Fetches kits, surveys and contents afresh. */
  async function load(): Promise<void> {
    loadError.value = null
    const result = await attempt(() => Promise.all([api.listKits(), api.listSurveys(), api.listContents()]))
    if (!result.ok) {
      loadError.value = result.error.code
      return
    }
    const [k, s, c] = result.value
    kits.value = [...k].sort((a, b) => a.name.localeCompare(b.name))
    surveys.value = s.filter((survey) => survey.revision > 0)
    contents.value = c.filter((content) => !content.retiredAt)
  }

  const failed = (error: { code: string; details?: readonly { path: string; message: string }[] }): KitResult => ({ ok: false, code: error.code, details: error.details })

  /** Copies a kit under a new name, to personalise it. */
  async function duplicate(id: string, name: string): Promise<KitResult> {
    if (!name.trim()) return { ok: false, code: 'name_required' }
    const result = await attempt(() => api.duplicateKit(id, name))
    if (!result.ok) return failed(result.error)
    remember(result.value)
    lastChange.value = { kind: 'duplicated', name: result.value.name }
    return { ok: true, kit: result.value }
  }

  /** Saves a kit as edited from `version` (refused with version_conflict if it moved on). */
  async function save(id: string, body: UpdateKitRequest): Promise<KitResult> {
    const result = await attempt(() => api.updateKit(id, body))
    if (!result.ok) return failed(result.error)
    remember(result.value)
    lastChange.value = { kind: 'saved', name: result.value.name }
    return { ok: true, kit: result.value }
  }

  /** Downloads a kit as a file (the kit, its surveys and contents). */
  async function download(kit: Kit): Promise<string | null> {
    const result = await attempt(() => api.exportKit(kit.id))
    if (!result.ok) return result.error.code
    downloadText(JSON.stringify(result.value, null, 2), kitFileName(kit.name, kit.version), 'application/json')
    return null
  }

  /** Imports a kit file; the same file twice changes nothing, a bad one is refused whole. */
  async function importFile(text: string, bytes: number): Promise<KitResult> {
    const read = readKitFile(text, bytes)
    if (!read.ok) return { ok: false, code: read.code }
    const before = new Map((kits.value ?? []).map((k) => [k.id, k.version]))
    const result = await attempt(() => api.importKit(read.file))
    if (!result.ok) return failed(result.error)
    const known = before.get(result.value.id) === result.value.version
    remember(result.value)
    lastChange.value = { kind: known ? 'unchanged' : 'imported', name: result.value.name }
    return { ok: true, kit: result.value }
  }

  return { kits, surveys, contents, loadError, lastChange, load, duplicate, save, download, importFile }
})
