import { PUSH_MAX_BYTES, PUSH_MAX_EVENTS, PUSH_MAX_FACTS } from '../../shared/sync-protocol'
import { saveServerDocuments } from '../db/documents'
import { getDeviceId } from '../db/meta'
import { applyPushResults, countQueued, readOutboxBatch } from '../db/outbox'
import {
  getSyncAuth, getSyncCursor, getSyncStatus, saveEventTotals, setSyncAuth, setSyncCursor, updateSyncStatus,
} from '../db/sync-state'
import { SyncHttpError, SyncNetworkError, type SyncApi } from './api'
import { backoffDelay } from './backoff'
import { withSyncLock } from './single-flight'

/** Why a sync was asked for: automatic reasons respect the backoff, the operator's does not. */
export type SyncReason = 'manual' | 'online' | 'visible' | 'timer' | 'queued' | 'retry' | 'enrolled' | 'start'
export type SyncOutcome = 'ok' | 'busy' | 'not-enrolled' | 'unauthorized' | 'retrying' | 'backing-off'

export interface SyncEngineOptions {
  api: SyncApi
  now?: () => Date
  random?: () => number
  /** Leaves headroom under the server's byte limit for the JSON envelope. */
  limits?: { facts: number; events: number; bytes: number }
  maxBatchesPerRun?: number
}

/** Records the server keeps refusing as `unsupported` (unknown schema version): retry later. */
class NoProgressError extends Error {
  code = 'unsupported'
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
  const maxBatches = options.maxBatchesPerRun ?? 1_000
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let focusEventId: string | undefined

  async function pushQueued(token: string): Promise<void> {
    for (let batchNo = 0; batchNo < maxBatches; batchNo++) {
      const batch = await readOutboxBatch(limits)
      if (batch.recordIds.length === 0) return
      const response = await api.push(token, { facts: batch.facts, events: batch.events }, await countQueued())
      const counts = await applyPushResults(batch.recordIds, response.results, now().toISOString())
      if (counts.acknowledged + counts.rejected === 0) throw new NoProgressError('no record of the batch was acknowledged')
    }
  }

  async function pullDocuments(token: string): Promise<void> {
    const response = await api.pull(token, await getSyncCursor(), await countQueued(), focusEventId)
    await saveServerDocuments(response.kits, response.events)
    await setSyncCursor(response.cursor)
    if (response.totals) await saveEventTotals({ ...response.totals, fetchedAt: now().toISOString() })
  }

  async function runOnce(): Promise<SyncOutcome> {
    const auth = await getSyncAuth()
    if (!auth) return 'not-enrolled'
    await updateSyncStatus({ lastAttemptAt: now().toISOString() })
    try {
      await pushQueued(auth.token)
      await pullDocuments(auth.token)
    } catch (error) {
      return recordFailure(error)
    }
    failures = 0
    clearTimeout(retryTimer)
    await updateSyncStatus({ lastSuccessAt: now().toISOString(), lastError: undefined, nextRetryAt: undefined, needsEnrolment: undefined })
    return 'ok'
  }

  async function recordFailure(error: unknown): Promise<SyncOutcome> {
    const at = now().toISOString()
    if (error instanceof SyncHttpError && error.status === 401) {
      // The token was revoked or is unknown: the queue stays, the operator enrols again.
      await updateSyncStatus({ needsEnrolment: true, lastError: { code: 'unauthorized', at }, nextRetryAt: undefined })
      return 'unauthorized'
    }
    failures++
    const delay = backoffDelay(failures, random)
    clearTimeout(retryTimer)
    retryTimer = setTimeout(() => void syncNow('retry'), delay)
    await updateSyncStatus({ lastError: { code: errorCode(error), at, detail: errorDetail(error) }, nextRetryAt: new Date(now().getTime() + delay).toISOString() })
    return 'retrying'
  }

  /** One sync round, unless another tab is syncing or an automatic trigger falls inside the backoff. */
  async function syncNow(reason: SyncReason = 'manual'): Promise<SyncOutcome> {
    if (reason === 'timer' || reason === 'queued' || reason === 'visible') {
      const { nextRetryAt, needsEnrolment } = await getSyncStatus()
      if (needsEnrolment) return 'unauthorized'
      if (nextRetryAt && nextRetryAt > now().toISOString()) return 'backing-off'
    }
    return (await withSyncLock(runOnce)) ?? 'busy'
  }

  /** Trades an enrolment code for a device token bound to this tablet's id, then syncs. */
  async function enrol(code: string): Promise<void> {
    const response = await api.enrol({ code: code.trim(), deviceId: await getDeviceId() })
    await setSyncAuth({ token: response.token, enrolledAt: now().toISOString() })
    await updateSyncStatus({ needsEnrolment: undefined, lastError: undefined, nextRetryAt: undefined })
    failures = 0
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

function errorCode(error: unknown): string {
  if (error instanceof SyncNetworkError) return 'network'
  if (error instanceof NoProgressError) return error.code
  if (error instanceof SyncHttpError) {
    if (error.status === 429) return 'rate_limited'
    return error.status >= 500 ? 'server' : 'refused'
  }
  return 'unexpected'
}

function errorDetail(error: unknown): string | undefined {
  if (error instanceof SyncHttpError) return `${error.status} ${error.code}`
  return error instanceof Error ? error.message.slice(0, 200) : undefined
}
