import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { EventDoc, Kit } from '../../shared/records'
import { validateEventForm, type EventFormErrors } from '../events/validate-event'
import * as api from '../api/coordinator-api'
import { attempt } from './attempt'
import { errorsFromDetails, type EventForm } from './event-form'

export type SaveEventResult = { ok: true; event: EventDoc } | { ok: false; errors: EventFormErrors } | { ok: false; code: string }

/** The server's events and kits, as the coordinator sees them (nothing of this is stored on the device). */
export const useCoordinatorEvents = defineStore('coordinator-events', () => {
  const events = ref<EventDoc[] | null>(null)
  const kits = ref<Kit[] | null>(null)
  const loadError = ref<string | null>(null)
  /** The last save or close, announced on the list the coordinator returns to. */
  const lastChange = ref<{ kind: 'saved' | 'closed'; name: string } | null>(null)
  // Newest first; an event's dates are ISO days, so they sort as strings.
  const sorted = computed(() => [...(events.value ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name)))

  function remember(event: EventDoc) {
    events.value = [event, ...(events.value ?? []).filter((e) => e.id !== event.id)]
  }

  /** Fetches events and kits afresh. */
  async function load(): Promise<void> {
    loadError.value = null
    const result = await attempt(() => Promise.all([api.listEvents(), api.listKits()]))
    if (result.ok) [events.value, kits.value] = result.value
    else loadError.value = result.error.code
  }

  /**
   * Creates an event, or edits one at `version` (the server refuses with version_conflict if it
   * moved on). `notes` are the coordinator's own (not on the tablet's form): empty means none.
   */
  async function save(form: EventForm, existing?: { id: string; version: number }, notes = ''): Promise<SaveEventResult> {
    const checked = validateEventForm({ ...form, targetGroups: [...form.targetGroups], ...(notes.trim() ? { notes } : {}) })
    if (!checked.ok) return checked
    const result = await attempt(() =>
      existing ? api.updateEvent(existing.id, { ...checked.value, version: existing.version }) : api.createEvent(checked.value),
    )
    if (result.ok) {
      remember(result.value)
      lastChange.value = { kind: 'saved', name: result.value.name }
      return { ok: true, event: result.value }
    }
    const errors = result.error.code === 'invalid_body' ? errorsFromDetails(result.error.details) : {}
    return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: false, code: result.error.code }
  }

  /** Closes an event; returns the error code to explain, or null. */
  async function close(id: string): Promise<string | null> {
    const result = await attempt(() => api.closeEvent(id))
    if (!result.ok) return result.error.code
    remember(result.value)
    lastChange.value = { kind: 'closed', name: result.value.name }
    return null
  }

  /** The notice has been seen: leaving the list clears it, so it never greets a later visit. */
  function forgetLastChange(): void {
    lastChange.value = null
  }

  return { events, kits, sorted, loadError, lastChange, load, save, close, forgetLastChange }
})
