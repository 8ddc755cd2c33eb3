import { PUSH_MAX_BYTES, PUSH_MAX_EVENTS, PUSH_MAX_FACTS } from '../../shared/sync-protocol'
import { ApiError } from '../api/api-error'
import type { SyncApi } from '../api/sync-api'
import { getDeviceId } from '../db/meta'
import { getSyncAuth, getSyncStatus, setSyncAuth, updateSyncStatus } from '../db/sync-state'
import { backoffDelay } from './backoff'
import { DOCUMENT_MODEL } from './document-model'
import { pullDocuments } from './pull-documents'
import { pushOutbox } from './push-outbox'
import { withSyncLock } from './single-flight'
import { syncErrorCode, syncErrorDetail } from './sync-errors'

/** Why a sync was asked for: automatic reasons respect the backoff, the operator's does not. */
export type SyncReason = 'manual' | 'online' | 'visible' | 'timer' | 'queued' | 'retry' | 'enrolled' | 'start'
export type SyncOutcome = 'ok' | 'busy' | 'not-enrolled' | 'unauthorized' | 'retrying' | 'backing-off' | 'storage-failed'

export interface SyncEngineOptions {
  api: SyncApi
  now?: () => Date
  random?: () => number
  /** Leaves headroom under the server's byte limit for the JSON envelope. */
  limits?: { facts: number; events: number; bytes: number }
  maxBatchesPerRun?: number
  maxPullPagesPerRun?: number
  /** The app's document model (tests play an app update with it). */
  documentModel?: number
  /** How long automatic syncs leave records answered `unsupported` alone (manual ones retry them). */
  parkUnsupportedMs?: number
}

/**
 * Pushes the outbox and pulls documents, exactly once per record: only records the server
 * acknowledged leave the queue (promises 2, 3, 5). No Vue here: the UI reads the state it writes.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { api } = options
  const now = options.now ?? (() => new Date())
  const random = options.random ?? Math.random
  const limits = options.limits ?? { facts: PUSH_MAX_FACTS, events: PUSH_MAX_EVENTS, bytes: PUSH_MAX_BYTES - 50_000 }
  const parkMs = options.parkUnsupportedMs ?? 10 * 60_000
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let focusEventId: string | undefined
  // Records the server cannot take yet, and when automatic syncs may send them again: resending
  // them before every tap's sync would cost a full batch each time for nothing.
  const parked = new Map<string, number>()

  function parkedIds(reason: SyncReason): Set<string> {
    const at = now().getTime()
    // Stryker disable next-line ArrayDeclaration: a stray id in the manual sync's skip set matches no queued record.
    return new Set(reason === 'manual' ? [] : [...parked].filter(([, until]) => until > at).map(([id]) => id))
  }

  async function runOnce(reason: SyncReason): Promise<SyncOutcome> {
    const auth = await getSyncAuth()
    if (!auth) return 'not-enrolled'
    await updateSyncStatus({ lastAttemptAt: now().toISOString() })
    try {
      const skip = parkedIds(reason)
      const push = (body: Parameters<SyncApi['push']>[1], queued: number) => api.push(auth.token, body, queued)
      const kept = await pushOutbox({ push, limits, maxBatches: options.maxBatchesPerRun ?? 1_000, now, skip })
      for (const id of parked.keys()) if (!skip.has(id)) parked.delete(id)
      for (const id of kept) parked.set(id, now().getTime() + parkMs)
      await pullDocuments({
        pull: (cursor, queued, eventId) => api.pull(auth.token, cursor, queued, eventId),
        model: options.documentModel ?? DOCUMENT_MODEL,
        maxPages: options.maxPullPagesPerRun ?? 50,
        now,
        ...(focusEventId ? { eventId: focusEventId } : {}),
      })
    } catch (error) {
      return recordFailure(error)
    }
    failures = 0
    clearTimeout(retryTimer)
    await updateSyncStatus({
      lastSuccessAt: now().toISOString(), lastError: undefined, nextRetryAt: undefined, needsEnrolment: undefined,
      waitingForServer: parked.size || undefined,
    })
    return 'ok'
  }

  async function recordFailure(error: unknown): Promise<SyncOutcome> {
    const at = now().toISOString()
    if (error instanceof ApiError && error.status === 401) {
      // The token was revoked or is unknown: the queue stays, the operator enrols again.
      await updateSyncStatus({ needsEnrolment: true, lastError: { code: 'unauthorized', at }, nextRetryAt: undefined })
      return 'unauthorized'
    }
    failures++
    const delay = backoffDelay(failures, random)
    clearTimeout(retryTimer)
    // Stryker disable next-line StringLiteral: only 'manual' and the automatic reasons of syncNow change what a sync does.
    retryTimer = setTimeout(() => void syncNow('retry'), delay)
    const lastError = { code: syncErrorCode(error), at, detail: syncErrorDetail(error) }
    await updateSyncStatus({ lastError, nextRetryAt: new Date(now().getTime() + delay).toISOString() })
    return 'retrying'
  }

  /** One sync round, unless another tab is syncing or an automatic trigger falls inside the backoff. */
  async function syncNow(reason: SyncReason = 'manual'): Promise<SyncOutcome> {
    try {
      if (reason === 'timer' || reason === 'queued' || reason === 'visible') {
        const { nextRetryAt, needsEnrolment } = await getSyncStatus()
        if (needsEnrolment) return 'unauthorized'
        if (nextRetryAt && nextRetryAt > now().toISOString()) return 'backing-off'
      }
      return (await withSyncLock(() => runOnce(reason))) ?? 'busy'
    } catch (error) {
      // IndexedDB itself failed (the screens say so): nothing was sent or removed.
      console.error(error)
      return 'storage-failed'
    }
  }

  /** Trades an enrolment code for a device token bound to this tablet's id, then syncs. */
  async function enrol(code: string): Promise<void> {
    const response = await api.enrol({ code: code.trim(), deviceId: await getDeviceId() })
    await setSyncAuth({ token: response.token, enrolledAt: now().toISOString() })
    await updateSyncStatus({ needsEnrolment: undefined, lastError: undefined, nextRetryAt: undefined })
    failures = 0
    // Stryker disable next-line StringLiteral: only 'manual' and the automatic reasons of syncNow change what a sync does.
    void syncNow('enrolled')
  }

  return {
    syncNow,
    enrol,
    /** The event on screen: pulls also fetch its totals across all tablets. */
    setFocusEvent: (eventId: string | undefined) => void (focusEventId = eventId),
    stop: () => clearTimeout(retryTimer),
  }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
