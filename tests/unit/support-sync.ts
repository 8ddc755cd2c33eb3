import { vi } from 'vitest'
import type { SyncApi } from '../../src/app/api/sync-api'
import type { PushRequest, PushResult } from '../../src/shared/sync-protocol'
import type { PullPage } from '../../src/shared/sync-readers'

export const emptyPage: PullPage = { cursor: 0, hasMore: false, kits: [], events: [], surveys: [], contents: [], skipped: 0 }
const idOf = (record: unknown) => (record as { id: string }).id

/** A stand-in for the server's push and pull; `answer` decides each record's status (or fails the call). */
export function fakeApi(
  answer: (record: unknown) => PushResult['status'] | Error,
  pull: (cursor: number, eventId?: string) => PullPage = () => emptyPage,
): SyncApi & { pushes: PushRequest[]; pulls: { cursor: number; eventId?: string }[] } {
  const pushes: PushRequest[] = []
  const pulls: { cursor: number; eventId?: string }[] = []
  return {
    pushes,
    pulls,
    push: vi.fn(async (_token: string, body: PushRequest) => {
      pushes.push(structuredClone(body))
      const records = [...body.events, ...body.facts]
      const outcomes = records.map(answer)
      const failure = outcomes.find((o) => o instanceof Error)
      if (failure) throw failure
      return { results: records.map((r, i) => ({ id: idOf(r), status: outcomes[i] as PushResult['status'] })), serverTime: new Date().toISOString() }
    }),
    pull: vi.fn(async (_token: string, cursor: number, _queued: number, eventId?: string) => {
      pulls.push({ cursor, ...(eventId ? { eventId } : {}) })
      return pull(cursor, eventId)
    }),
    enrol: vi.fn(),
  }
}
