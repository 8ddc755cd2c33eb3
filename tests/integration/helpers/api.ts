import { v7 as uuidv7 } from 'uuid'
import { DEMO_EVENT_ID } from '../../../src/shared/demo-event.js'
import type { EnrolmentCodeResponse } from '../../../src/shared/admin-protocol.js'
import { enrolResponseSchema, pushResponseSchema, type PushResponse } from '../../../src/shared/sync-protocol.js'
import type { Fact } from '../../../src/shared/records.js'
import { ADMIN_PASSWORD } from './backends.js'

/**
 * What a browser page of ours sends with a state-changing call: JSON, and a same-origin marker
 * (Node's fetch sends no Origin; the server's CSRF guard asks for one of the two).
 */
export const json = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }

/** A bodiless state-changing call (logout, revoke, close …): `{}` as JSON. */
export function postEmpty(url: string, cookie: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { ...json, cookie }, body: '{}' })
}

/** Logs in as the seeded admin and returns the Cookie header to send. */
export async function login(baseUrl: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('corner_session='))
  if (!cookie) throw new Error('no session cookie')
  return cookie.split(';')[0] as string
}

export async function issueCode(baseUrl: string, cookie: string, body: object = {}): Promise<EnrolmentCodeResponse> {
  const res = await fetch(`${baseUrl}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(body) })
  if (res.status !== 201) throw new Error(`issue code failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as EnrolmentCodeResponse
}

export async function enrol(baseUrl: string, code: string, deviceId: string = uuidv7()): Promise<{ deviceId: string; token: string }> {
  const res = await fetch(`${baseUrl}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code, deviceId, label: 'Tablet A' }) })
  if (res.status !== 200) throw new Error(`enrol failed: ${res.status} ${await res.text()}`)
  return enrolResponseSchema.parse(await res.json())
}

/** A coordinator issues a code and a new tablet enrols with it. */
export async function enrolNewDevice(baseUrl: string): Promise<{ deviceId: string; token: string }> {
  const cookie = await login(baseUrl)
  return enrol(baseUrl, (await issueCode(baseUrl, cookie)).code)
}

export function pushRaw(baseUrl: string, token: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/push`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}`, ...headers }, body })
}

export async function push(baseUrl: string, token: string, body: object): Promise<PushResponse> {
  const res = await pushRaw(baseUrl, token, JSON.stringify(body))
  if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`)
  return pushResponseSchema.parse(await res.json())
}

export function interaction(deviceId: string, overrides: Partial<Fact> & { topic?: string } = {}): Fact {
  const { topic = 'smoking', ...rest } = overrides
  return {
    id: uuidv7(), eventId: DEMO_EVENT_ID, deviceId, at: new Date().toISOString(), schemaVersion: 1,
    kind: 'interaction', payload: { topic, groupSize: 1, ageBand: '30-49' }, ...rest,
  } as Fact
}

export function voidOf(target: Fact): Fact {
  return {
    id: uuidv7(), eventId: target.eventId, deviceId: target.deviceId, at: new Date().toISOString(), schemaVersion: 1,
    kind: 'void', payload: { targetId: target.id, reason: 'undo' },
  }
}
