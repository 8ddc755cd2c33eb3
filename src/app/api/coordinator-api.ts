import type { z } from 'zod'
import {
  accountSchema, accountsResponseSchema, deviceSchema, devicesResponseSchema, enrolmentCodeResponseSchema,
  eventsResponseSchema, kitsResponseSchema, sessionResponseSchema,
  type ChangePasswordRequest, type CreateAccountRequest, type CreateEnrolmentCodeRequest, type CreateEventRequest,
  type LoginRequest, type UpdateEventRequest,
} from '../../shared/admin-protocol'
import { eventSchema } from '../../shared/records'
import { ApiError } from './api-error'
import { createHttp } from './http'

/** The coordinator's calls: the session cookie goes along, same origin only. */
const request = createHttp({ credentials: 'same-origin' })

const call = <S extends z.ZodType>(schema: S, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
  request({ method, path, body, read: (answer): z.output<S> => schema.parse(answer) })
const send = (path: string, body?: unknown) => request({ method: 'POST', path, body, read: () => undefined })
const id = encodeURIComponent

const AUTH = '/api/v1/auth'
const ADMIN = '/api/v1/admin'

/** The signed-in coordinator, or null when the session cookie is missing or expired. */
export async function fetchSession() {
  try {
    return await call(sessionResponseSchema, 'GET', `${AUTH}/me`)
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') return null
    throw error
  }
}
export const login = (body: LoginRequest) => call(sessionResponseSchema, 'POST', `${AUTH}/login`, body)
export const logout = () => send(`${AUTH}/logout`)
/** 204; 401 invalid_credentials when the current password is wrong (the session stays). */
export const changePassword = (body: ChangePasswordRequest) => send(`${AUTH}/password`, body)

export const listEvents = async () => (await call(eventsResponseSchema, 'GET', `${ADMIN}/events`)).events
export const listKits = async () => (await call(kitsResponseSchema, 'GET', `${ADMIN}/kits`)).kits
export const createEvent = (body: CreateEventRequest) => call(eventSchema, 'POST', `${ADMIN}/events`, body)
/** Sends the version the coordinator edited: the server answers 409 version_conflict if it moved on. */
export const updateEvent = (eventId: string, body: UpdateEventRequest) => call(eventSchema, 'PUT', `${ADMIN}/events/${id(eventId)}`, body)
export const closeEvent = (eventId: string) => call(eventSchema, 'POST', `${ADMIN}/events/${id(eventId)}/close`)

export const listDevices = async () => (await call(devicesResponseSchema, 'GET', `${ADMIN}/devices`)).devices
export const revokeDevice = (deviceId: string) => call(deviceSchema, 'POST', `${ADMIN}/devices/${id(deviceId)}/revoke`)
/** The revoked tablet may enrol again, with a code issued for it. */
export const restoreDevice = (deviceId: string) => call(deviceSchema, 'POST', `${ADMIN}/devices/${id(deviceId)}/restore`)
/** Without `deviceId` the code enrols a new tablet only; with it, that tablet only. */
export const createEnrolmentCode = (body: CreateEnrolmentCodeRequest) =>
  call(enrolmentCodeResponseSchema, 'POST', `${ADMIN}/enrolment-codes`, body)

export const listAccounts = async () => (await call(accountsResponseSchema, 'GET', `${ADMIN}/accounts`)).accounts
export const createAccount = (body: CreateAccountRequest) => call(accountSchema, 'POST', `${ADMIN}/accounts`, body)
/** 409 cannot_disable_self or last_account: the server keeps at least one way in. */
export const disableAccount = (accountId: string) => call(accountSchema, 'POST', `${ADMIN}/accounts/${id(accountId)}/disable`)
export const enableAccount = (accountId: string) => call(accountSchema, 'POST', `${ADMIN}/accounts/${id(accountId)}/enable`)
