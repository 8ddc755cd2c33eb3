import type { UpdateKitRequest } from '../../../shared/admin-protocol'
import type { Kit } from '../../../shared/records'

/** A kit as its edit form holds it (everything but id and version, which the server owns). */
export type KitForm = Omit<Kit, 'id' | 'version'>

/**
 * A deep copy of plain JSON. Not structuredClone: the kit and the form come from reactive
 * state, whose nested proxies structuredClone refuses (DataCloneError).
 */
const copied = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export function formFromKit(kit: Kit): KitForm {
  const { id: _id, version: _version, ...fields } = kit
  return copied({ ...fields, surveyIds: fields.surveyIds ?? [], contentIds: fields.contentIds ?? [] })
}

/**
 * The form as the server's update, at the version it was loaded from. A missing name or no
 * topic at all is caught here; the server checks the rest (published surveys, live contents).
 */
export function updateFromForm(form: KitForm, version: number): { ok: true; body: UpdateKitRequest } | { ok: false; code: string } {
  if (!form.name.trim()) return { ok: false, code: 'name_required' }
  if (form.topics.length === 0) return { ok: false, code: 'topics_required' }
  return { ok: true, body: { ...copied(form), name: form.name.trim(), version } }
}

/** Adds or removes one value of a list field, keeping the list's order. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value)
}
