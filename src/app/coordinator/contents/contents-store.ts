import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { EventCode } from '../../../shared/content-protocol'
import type { Content } from '../../../shared/contents'
import type { Kit } from '../../../shared/records'
import * as api from '../../api/contents-api'
import { listKits } from '../../api/coordinator-api'
import { attempt } from '../attempt'
import { errorsFromDetails, validateContentForm, type ContentForm, type ContentFormErrors } from './content-form'

export type SaveContentResult = { ok: true; content: Content } | { ok: false; errors: ContentFormErrors } | { ok: false; code: string }
export type UploadResult = { ok: true; file: string } | { ok: false; reason: string }

/** Why an upload was refused, in the words the screen has for it (from the server's answer). */
function uploadReason(code: string, details: readonly { message: string }[] | undefined): string {
  if (code === 'body_too_large') return 'too_large'
  if (code !== 'bad_image') return code
  const detail = details?.[0]?.message ?? ''
  if (detail === 'type_svg') return 'svg'
  if (detail.startsWith('type_') || detail === 'not_an_image') return 'not_an_image'
  return detail === 'pixels' || detail === 'empty' ? detail : 'not_an_image'
}

/** The catalogue and the kits as the server has them (nothing of this is stored on the device). */
export const useContentsStore = defineStore('coordinator-contents', () => {
  const contents = ref<Content[] | null>(null)
  const kits = ref<Kit[] | null>(null)
  const loadError = ref<string | null>(null)
  const active = computed(() => (contents.value ?? []).filter((c) => !c.retiredAt))

  function remember(content: Content) {
    contents.value = [content, ...(contents.value ?? []).filter((c) => c.id !== content.id)]
  }

  /** Fetches the catalogue and the kits afresh. */
  async function load(): Promise<void> {
    loadError.value = null
    const result = await attempt(() => Promise.all([api.listContents(), listKits()]))
    if (result.ok) [contents.value, kits.value] = result.value
    else loadError.value = result.error.code
  }

  /** Creates a content, or edits one at `version` (409 version_conflict if it moved on). */
  async function save(form: ContentForm, existing?: { id: string; version: number }): Promise<SaveContentResult> {
    const checked = validateContentForm(form)
    if (!checked.ok) return checked
    const result = await attempt(() => (existing ? api.updateContent(existing.id, checked.value, existing.version) : api.createContent(checked.value)))
    if (result.ok) {
      remember(result.value)
      return { ok: true, content: result.value }
    }
    const errors = result.error.status === 400 ? errorsFromDetails(result.error.details) : {}
    return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: false, code: result.error.code }
  }

  /** Uploads a thumbnail; the server reads what it is from its bytes and names it by them. */
  async function upload(file: Blob): Promise<UploadResult> {
    const result = await attempt(() => api.uploadThumbnail(file))
    return result.ok ? { ok: true, file: result.value.file } : { ok: false, reason: uploadReason(result.error.code, result.error.details) }
  }

  /** Attaches or detaches a content from a kit; returns the error code to explain, or null. */
  async function setAttached(kit: Kit, contentId: string, attached: boolean): Promise<string | null> {
    const current = kit.contentIds ?? []
    const contentIds = attached ? [...current.filter((c) => c !== contentId), contentId] : current.filter((c) => c !== contentId)
    const { id, version, ...fields } = kit
    const result = await attempt(() => api.updateKit(id, { ...fields, contentIds, version }))
    if (!result.ok) return result.error.code
    kits.value = (kits.value ?? []).map((k) => (k.id === id ? result.value : k))
    return null
  }

  return { contents, kits, active, loadError, load, save, upload, setAttached }
})

/** An event's codes with their counts, fetched when its page opens. */
export async function loadEventCodes(eventId: string): Promise<{ ok: true; codes: EventCode[] } | { ok: false; code: string }> {
  const result = await attempt(() => api.listEventCodes(eventId))
  return result.ok ? { ok: true, codes: result.value } : { ok: false, code: result.error.code }
}
