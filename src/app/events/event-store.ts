import { defineStore } from 'pinia'
import { createLocalEvent } from '../db/events'
import type { StoredEvent } from '../db/database'
import { useStorageStore } from '../storage/storage-store'
import { validateEventForm, type EventFormErrors } from './validate-event'

export type CreateEventResult =
  | { ok: true; event: StoredEvent }
  | { ok: false; errors: EventFormErrors }
  | { ok: false; storageError: true }

export const useEventStore = defineStore('events', () => {
  /** Validates and saves an event created on this tablet; it is queued for the server. */
  async function createEvent(form: unknown): Promise<CreateEventResult> {
    const checked = validateEventForm(form)
    if (!checked.ok) return checked
    try {
      return { ok: true, event: await createLocalEvent(checked.value) }
    } catch (error) {
      useStorageStore().reportWriteError(error)
      return { ok: false, storageError: true }
    }
  }
  return { createEvent }
})
