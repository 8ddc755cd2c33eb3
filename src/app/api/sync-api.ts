import { PROTOCOL_HEADER, PROTOCOL_VERSION, enrolResponseSchema, type EnrolRequest, type PushRequest } from '../../shared/sync-protocol'
import { readPullResponse, readPushResponse } from '../../shared/sync-readers'
import { createHttp, type FetchLike } from './http'

/**
 * The /api/v1 calls a tablet makes. Push and pull speak protocol version 2: answers are read
 * leniently (unknown fields and kinds ignored, unreadable documents skipped and counted), so
 * a newer server never stops an older tablet from syncing.
 */
export function createSyncApi(baseUrl = '', fetchImpl?: FetchLike) {
  const request = createHttp({ baseUrl, credentials: 'omit', ...(fetchImpl ? { fetch: fetchImpl } : {}) })
  const headers = (token: string, queued: number) => ({
    authorization: `Bearer ${token}`,
    'x-queued-count': String(queued),
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  })

  return {
    push: (token: string, body: PushRequest, queued: number) =>
      request({ method: 'POST', path: '/api/v1/push', body, headers: headers(token, queued), read: readPushResponse }),
    pull: (token: string, cursor: number, queued: number, eventId?: string) => {
      const query = new URLSearchParams({ cursor: String(cursor), ...(eventId ? { eventId } : {}) })
      return request({ method: 'GET', path: `/api/v1/pull?${query}`, headers: headers(token, queued), read: readPullResponse })
    },
    enrol: (body: EnrolRequest) =>
      request({ method: 'POST', path: '/api/v1/enrol', body, read: (answer) => enrolResponseSchema.parse(answer) }),
  }
}

export type SyncApi = ReturnType<typeof createSyncApi>
