import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { ApiError } from '../api/api-error'
import { countQueued, listRejected } from '../db/outbox'
import { getSyncAuth, getSyncStatus } from '../db/sync-state'
import { useLiveQuery } from '../composables/useLiveQuery'
import type { SyncOutcome } from '../sync/sync-engine'

// The engine (and zod with it, ~25 KB on the wire) is not needed to tap: it loads after the
// first paint, and only on a tablet that is enrolled (before that there is nowhere to sync to).
const engine = () => import('../sync/index').then((m) => m.startSync())

/** The one source of sync state for the UI; every tab sees the same rows through liveQuery. */
export const useSyncStore = defineStore('sync', () => {
  const reads = {
    status: useLiveQuery(getSyncStatus),
    enrolled: useLiveQuery(async () => Boolean(await getSyncAuth())),
    queued: useLiveQuery(countQueued),
    rejected: useLiveQuery(listRejected),
  }
  const status = reads.status.data
  const enrolled = reads.enrolled.data
  const queued = reads.queued.data
  const rejected = reads.rejected.data
  /** True when this tablet's sync state could not be read (shown in place of it). */
  const readFailed = computed(() => Object.values(reads).some((read) => read.error.value !== undefined))
  const syncing = ref(false)
  const lastOutcome = ref<SyncOutcome>()
  const needsEnrolment = computed(() => enrolled.value === false || status.value?.needsEnrolment === true)
  let focusedEventId: string | undefined

  /** The running engine, or undefined while the tablet is not enrolled (nothing loaded then). */
  async function engineIfEnrolled() {
    return (await getSyncAuth()) ? engine() : undefined
  }

  /** Starts the engine and its triggers once the tablet is enrolled (called once the app is on screen). */
  function start() {
    watch(enrolled, (isEnrolled) => {
      if (isEnrolled) void engine().then((running) => running.setFocusEvent(focusedEventId), console.error)
    }, { immediate: true })
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
    focusedEventId = eventId
    try {
      const running = await engineIfEnrolled()
      if (!running) return
      running.setFocusEvent(eventId)
      if (eventId) void running.syncNow('visible')
    } catch (error) {
      // The engine's chunk could not load (an update half-applied): totals just stay as they are.
      console.error(error)
    }
  }

  /** Reads the sync state again after a failure. */
  function retryReads() {
    for (const read of Object.values(reads)) if (read.error.value !== undefined) read.retry()
  }

  return {
    status, enrolled, queued, rejected, readFailed, syncing, lastOutcome, needsEnrolment,
    start, syncNow, enrol, focusEvent, retryReads,
  }
})

const EXPLAINED_AS_IS = new Set(['network', 'rate_limited', 'invalid_body', 'device_revoked'])

/**
 * The `sync.errors` key for a failed enrolment. A code issued for another tablet, or a code
 * for new tablets used by one the server already knows, is simply not valid for this tablet.
 */
export function enrolErrorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'unexpected'
  if (error.code === 'enrolment_code_invalid' || error.code === 'device_exists') return 'code_not_valid_here'
  if (EXPLAINED_AS_IS.has(error.code)) return error.code
  return error.status >= 500 ? 'server' : 'refused'
}
