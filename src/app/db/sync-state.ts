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
}
export interface EventTotals {
  eventId: string
  contacts: number
  devices: number
  fetchedAt: string
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
export const getSyncCursor = async () => (await read<number>('syncCursor')) ?? 0
export const setSyncCursor = (cursor: number) => write('syncCursor', cursor)
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
