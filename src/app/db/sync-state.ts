import type { ContentTotals } from '../../shared/sync-protocol'
import { db } from './db'

/** What this tablet knows about its link to the central endpoint (one meta row each). */
export interface SyncAuth {
  token: string
  enrolledAt: string
}
export interface SyncStatus {
  lastAttemptAt?: string
  lastSuccessAt?: string
  /** The last failure, kept until a sync succeeds. `code` is a key of the `sync.errors` messages. */
  lastError?: { code: string; at: string; detail?: string }
  nextRetryAt?: string
  /** The server refused our token: keep the queue, ask the operator to enrol again. */
  needsEnrolment?: boolean
  /** Records the server answered `unsupported` (a newer kind or version): queued until it is updated. */
  waitingForServer?: number
}
/** Where the next pull starts, and which document model the documents up to it were read with. */
export interface PullCursor {
  cursor: number
  model: number
}
export interface EventTotals {
  eventId: string
  contacts: number
  devices: number
  /** Scans and feedback per content of the event (servers from protocol 2 on). */
  contents?: ContentTotals[]
  fetchedAt: string
  /** Survey answers across the event's tablets (servers from protocol 2 on). */
  surveys?: { surveyId: string; responses: number; answers: { questionId: string; value: string; count: number }[] }[]
}

async function read<T>(key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined
}
async function write(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value })
}

export const getSyncAuth = () => read<SyncAuth>('syncAuth')
/** Stores the device token (only on this tablet; the server keeps a hash). */
export const setSyncAuth = (auth: SyncAuth) => write('syncAuth', auth)

/**
 * The cursor to pull from with the app's document `model`: 0 when the documents so far were
 * read by an older model, which dropped what it did not know (a newer app re-reads them).
 */
export async function getPullCursor(model: number): Promise<number> {
  const stored = await read<number | PullCursor>('syncCursor')
  if (stored === undefined) return 0
  // A bare number is from before the cursor carried a model: those tablets read model 1.
  const saved = typeof stored === 'number' ? { cursor: stored, model: 1 } : stored
  return saved.model === model ? saved.cursor : 0
}
export const setPullCursor = (cursor: PullCursor) => write('syncCursor', cursor)
export const getSyncStatus = async () => (await read<SyncStatus>('syncStatus')) ?? {}
export const getEventTotals = (eventId: string) => read<EventTotals>(`totals:${eventId}`)
export const saveEventTotals = (totals: EventTotals) => write(`totals:${totals.eventId}`, totals)

/** Merges a change into the status row, atomically (two tabs may both write it). */
export async function updateSyncStatus(change: Partial<SyncStatus>): Promise<SyncStatus> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await getSyncStatus()), ...change }
    for (const key of Object.keys(next) as (keyof SyncStatus)[]) if (next[key] === undefined) delete next[key]
    await write('syncStatus', next)
    return next
  })
}
