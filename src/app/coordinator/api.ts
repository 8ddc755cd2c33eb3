import type { z } from 'zod'
import {
  accountSchema, accountsResponseSchema, devicesResponseSchema, enrolmentCodeResponseSchema, eventsResponseSchema,
  kitsResponseSchema, sessionResponseSchema,
  type CreateAccountRequest, type CreateEnrolmentCodeRequest, type CreateEventRequest, type LoginRequest, type UpdateEventRequest,
} from '../../shared/admin-protocol'
import { eventSchema } from '../../shared/records'
import { apiErrorSchema, type ApiError } from '../../shared/sync-protocol'

/**
 * A failed coordinator call. `code` is the server's error code (`invalid_credentials`,
 * `version_conflict`, …), `network` when the server could not be reached, `bad_response`
 * when the answer does not match the shared schema, `server` for a 5xx without a body.
 */
export class CoordinatorApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: ApiError['details'],
  ) {
    super(message)
    this.name = 'CoordinatorApiError'
  }
}

/** Turns a non-2xx response into a CoordinatorApiError, trusting only a well-formed error body. */
export async function errorFromResponse(response: Response): Promise<CoordinatorApiError> {
  const body = apiErrorSchema.safeParse(await response.json().catch(() => undefined))
  if (body.success) return new CoordinatorApiError(body.data.code, response.status, body.data.message, body.data.details)
  // A proxy or an old server may answer without our error body: classify by status alone.
  const code = response.status === 401 ? 'unauthorized' : response.status === 429 ? 'rate_limited' : response.status >= 500 ? 'server' : 'bad_response'
  return new CoordinatorApiError(code, response.status, `HTTP ${response.status}`)
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  // A bodiless POST must not claim JSON: fastify rejects an empty JSON body.
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
  } catch (error) {
    throw new CoordinatorApiError('network', 0, error instanceof Error ? error.message : 'fetch failed')
  }
  if (!response.ok) throw await errorFromResponse(response)
  return response
}

async function call<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>> {
  const response = await send(method, path, body)
  const parsed = schema.safeParse(await response.json().catch(() => undefined))
  if (!parsed.success) throw new CoordinatorApiError('bad_response', response.status, `Unexpected answer from ${path}`)
  return parsed.data
}

const AUTH = '/api/v1/auth'
const ADMIN = '/api/v1/admin'

/** The signed-in coordinator, or null when the session cookie is missing or expired. */
export async function fetchSession() {
  try {
    return await call(sessionResponseSchema, 'GET', `${AUTH}/me`)
  } catch (error) {
    if (error instanceof CoordinatorApiError && error.code === 'unauthorized') return null
    throw error
  }
}
export const login = (body: LoginRequest) => call(sessionResponseSchema, 'POST', `${AUTH}/login`, body)
export const logout = async () => void (await send('POST', `${AUTH}/logout`))

export const listEvents = async () => (await call(eventsResponseSchema, 'GET', `${ADMIN}/events`)).events
export const listKits = async () => (await call(kitsResponseSchema, 'GET', `${ADMIN}/kits`)).kits
export const createEvent = (body: CreateEventRequest) => call(eventSchema, 'POST', `${ADMIN}/events`, body)
/** Sends the version the coordinator edited: the server answers 409 version_conflict if it moved on. */
export const updateEvent = (id: string, body: UpdateEventRequest) =>
  call(eventSchema, 'PUT', `${ADMIN}/events/${encodeURIComponent(id)}`, body)
export const closeEvent = (id: string) => call(eventSchema, 'POST', `${ADMIN}/events/${encodeURIComponent(id)}/close`)

export const listDevices = async () => (await call(devicesResponseSchema, 'GET', `${ADMIN}/devices`)).devices
export const revokeDevice = async (id: string) => void (await send('POST', `${ADMIN}/devices/${encodeURIComponent(id)}/revoke`))
export const createEnrolmentCode = (body: CreateEnrolmentCodeRequest) =>
  call(enrolmentCodeResponseSchema, 'POST', `${ADMIN}/enrolment-codes`, body)

export const listAccounts = async () => (await call(accountsResponseSchema, 'GET', `${ADMIN}/accounts`)).accounts
export const createAccount = (body: CreateAccountRequest) => call(accountSchema, 'POST', `${ADMIN}/accounts`, body)
