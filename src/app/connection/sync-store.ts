import { defineStore } from 'pinia'
import { ApiError } from '../api/api-error'
import { computed, ref } from 'vue'
import { countQueued, listRejected } from '../db/outbox'
import { getSyncAuth, getSyncStatus } from '../db/sync-state'
import { useLiveQuery } from '../db/useLiveQuery'
import type { SyncOutcome } from '../sync/sync-engine'

// The engine (and zod with it) loads after the first paint: it is not needed to tap.
const engine = () => import('../sync/index').then((m) => m.startSync())

/** The one source of sync state for the UI; every tab sees the same rows through liveQuery. */
export const useSyncStore = defineStore('sync', () => {
  const status = useLiveQuery(getSyncStatus)
  const enrolled = useLiveQuery(async () => Boolean(await getSyncAuth()))
  const queued = useLiveQuery(countQueued)
  const rejected = useLiveQuery(listRejected)
  const syncing = ref(false)
  const lastOutcome = ref<SyncOutcome>()
  const needsEnrolment = computed(() => enrolled.value === false || status.value?.needsEnrolment === true)

  /** Starts the engine and its triggers (called once the app is on screen). */
  async function start() {
    await engine()
  }

  /** The operator's "sync now": ignores the backoff. */
  async function syncNow() {
    syncing.value = true
    try {
      lastOutcome.value = await (await engine()).syncNow('manual')
    } finally {
      syncing.value = false
    }
  }

  /** Links the tablet with a code; resolves to an error code (a `sync.errors` key) or undefined. */
  async function enrol(code: string): Promise<string | undefined> {
    const trimmed = code.trim()
    if (trimmed.length < 4 || trimmed.length > 32) return 'invalid_code'
    try {
      await (await engine()).enrol(trimmed)
      return undefined
    } catch (error) {
      return enrolErrorKey(error)
    }
  }

  /** Tells the engine which event is on screen, so pulls bring its totals across tablets. */
  async function focusEvent(eventId: string | undefined) {
    const running = await engine()
    running.setFocusEvent(eventId)
    if (eventId) void running.syncNow('visible')
  }

  return { status, enrolled, queued, rejected, syncing, lastOutcome, needsEnrolment, start, syncNow, enrol, focusEvent }
})

/**
 * The `sync.errors` key for a failed enrolment. A code issued for another tablet, or a code
 * for new tablets used by one the server already knows, is simply not valid for this tablet.
 */
export function enrolErrorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'unexpected'
  if (error.code === 'enrolment_code_invalid' || error.code === 'device_exists') return 'code_not_valid_here'
  if (error.code === 'network' || error.code === 'rate_limited' || error.code === 'invalid_body') return error.code
  return error.status >= 500 ? 'server' : 'refused'
}
