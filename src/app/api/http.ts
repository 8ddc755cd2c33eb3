import { apiErrorSchema } from '../../shared/sync-protocol'
import { ApiError } from './api-error'

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface ApiRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  body?: unknown
  /** Bytes sent as they are (an upload) instead of a JSON body. */
  bytes?: Blob
  headers?: Record<string, string>
  /** Reads a 2xx answer; throwing here makes the call fail with `bad_response`. */
  read: (body: unknown) => T
}

export interface HttpOptions {
  baseUrl?: string
  fetch?: FetchLike
  /** 'omit' for the tablet (bearer token), 'same-origin' for the coordinator (session cookie). */
  credentials: RequestCredentials
}

// Read late, so tests that stub the global fetch reach it.
const globalFetch: FetchLike = (input, init) => fetch(input, init)

/**
 * The one place in the app that calls fetch. State-changing requests always carry a JSON
 * body (`{}` when there is nothing to say): the server refuses any other content type with
 * 415, which keeps cross-site form posts out; the browser adds the same-origin `Origin`.
 */
export function createHttp(options: HttpOptions) {
  const { baseUrl = '', credentials } = options
  const fetchImpl = options.fetch ?? globalFetch

  return async function request<T>({ method, path, body, bytes, headers, read }: ApiRequest<T>): Promise<T> {
    const changesState = method !== 'GET'
    // Uploads go as octet-stream: the server tells what a file is from its bytes, never from a declared type.
    const contentType = bytes ? 'application/octet-stream' : 'application/json'
    const init: RequestInit = {
      method,
      credentials,
      // API answers are live state: never from the HTTP cache.
      cache: 'no-store',
      headers: { accept: 'application/json', ...(changesState ? { 'content-type': contentType } : {}), ...headers },
      ...(changesState ? { body: bytes ?? JSON.stringify(body ?? {}) } : {}),
    }
    let response: Response
    try {
      response = await fetchImpl(`${baseUrl}${path}`, init)
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error))
    }
    const answer: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined)
    if (!response.ok) throw errorFromAnswer(response.status, answer)
    try {
      return read(answer)
    } catch {
      throw new ApiError(response.status, 'bad_response', `Unexpected answer from ${method} ${path}`)
    }
  }
}

export type HttpRequest = ReturnType<typeof createHttp>

/** A non-2xx answer as an ApiError, trusting only a well-formed error body. */
export function errorFromAnswer(status: number, answer: unknown): ApiError {
  const body = apiErrorSchema.safeParse(answer)
  if (body.success) return new ApiError(status, body.data.code, body.data.message, body.data.details)
  // A proxy or an old server may answer without our error body: classify by status alone.
  const code = status === 401 ? 'unauthorized' : status === 429 ? 'rate_limited' : status >= 500 ? 'server' : 'bad_response'
  return new ApiError(status, code, `HTTP ${status}`)
}
