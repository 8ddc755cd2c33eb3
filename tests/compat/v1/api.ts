// Frozen copy of the version 1 client (see README.md): never edit.
import {
  apiErrorSchema, enrolResponseSchema, pullResponseSchema, pushResponseSchema,
  type EnrolRequest, type EnrolResponse, type PullResponse, type PushRequest, type PushResponse,
} from './sync-protocol.js'

/** The server answered with an error status; `code` is the API's error code. */
export class SyncHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
    this.name = 'SyncHttpError'
  }
}

/** The request never got an answer (offline, connection dropped, server down). */
export class SyncNetworkError extends Error {
  override name = 'SyncNetworkError'
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/** The /api/v1 calls a tablet makes. Responses are checked against the shared schemas. */
export function createSyncApi(baseUrl = '', fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  async function call<T>(path: string, init: RequestInit, parse: (body: unknown) => T): Promise<T> {
    let response: Response
    try {
      response = await fetchImpl(`${baseUrl}${path}`, { ...init, cache: 'no-store', credentials: 'omit' })
    } catch (error) {
      throw new SyncNetworkError(error instanceof Error ? error.message : String(error))
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (!response.ok) {
      const parsed = apiErrorSchema.safeParse(body)
      throw new SyncHttpError(response.status, parsed.success ? parsed.data.code : `http_${response.status}`, parsed.success ? parsed.data.message : response.statusText)
    }
    return parse(body)
  }
  const headers = (token: string, queued: number) => ({
    authorization: `Bearer ${token}`,
    'x-queued-count': String(queued),
  })

  return {
    push(token: string, body: PushRequest, queued: number): Promise<PushResponse> {
      return call('/api/v1/push', {
        method: 'POST',
        headers: { ...headers(token, queued), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }, (b) => pushResponseSchema.parse(b))
    },
    pull(token: string, cursor: number, queued: number, eventId?: string): Promise<PullResponse> {
      const query = new URLSearchParams({ cursor: String(cursor), ...(eventId ? { eventId } : {}) })
      return call(`/api/v1/pull?${query}`, { headers: headers(token, queued) }, (b) => pullResponseSchema.parse(b))
    },
    enrol(request: EnrolRequest): Promise<EnrolResponse> {
      return call('/api/v1/enrol', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      }, (b) => enrolResponseSchema.parse(b))
    },
  }
}

export type SyncApi = ReturnType<typeof createSyncApi>
