import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devicesResponseSchema, type Device } from '../../src/shared/admin-protocol.js'
import { enrol, issueCode, json, login, postEmpty, pushRaw } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

const MINUTE = 60_000

describe.each(backends)('a tablet from its code to its revocation on $name', ({ name, available }) => {
  let server: TestServer
  let cookie: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    cookie = await login(server.url)
  })
  afterAll(async () => server?.close())

  const enrolAs = async (code: string, deviceId: string, label?: string) => {
    const res = await fetch(`${server.url}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code, deviceId, ...(label ? { label } : {}) }) })
    return { status: res.status, body: (await res.json()) as { token: string; code?: string } }
  }
  const devices = async (): Promise<Device[]> =>
    devicesResponseSchema.parse(await (await fetch(`${server.url}/api/v1/admin/devices`, { headers: { cookie } })).json()).devices
  const device = async (id: string) => (await devices()).find((d) => d.id === id)

  it.skipIf(!available)('issues codes of 8 unambiguous characters, valid 24 hours unless told otherwise', async () => {
    const before = Date.now()
    const issued = await issueCode(server.url, cookie)
    const after = Date.now()
    expect(issued.code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/)
    expect(issued).not.toHaveProperty('deviceId')
    const expires = Date.parse(issued.expiresAt)
    expect(expires).toBeGreaterThanOrEqual(before + 24 * 60 * MINUTE)
    expect(expires).toBeLessThanOrEqual(after + 24 * 60 * MINUTE)
    server.advanceClock(24 * 60 * MINUTE - 2 * MINUTE)
    try {
      // Typed with spaces, a dash and in lower case, a minute before it expires.
      const typed = `${issued.code.slice(0, 4).toLowerCase()} - ${issued.code.slice(4)}`
      expect((await enrolAs(typed, uuidv7())).status).toBe(200)
    } finally {
      server.advanceClock(-(24 * 60 * MINUTE - 2 * MINUTE))
    }
  })

  it.skipIf(!available)('names a tablet after its code unless it says otherwise, and keeps the name on re-enrolment', async () => {
    const id = uuidv7()
    expect((await enrolAs((await issueCode(server.url, cookie, { label: 'Stand Pavia' })).code, id)).status).toBe(200)
    expect(await device(id)).toMatchObject({ label: 'Stand Pavia', queuedCount: null, revokedAt: null })
    expect((await enrolAs((await issueCode(server.url, cookie, { deviceId: id })).code, id)).status).toBe(200)
    expect((await device(id))?.label).toBe('Stand Pavia')
    expect((await enrolAs((await issueCode(server.url, cookie, { deviceId: id })).code, id, 'Stand Lodi')).status).toBe(200)
    expect((await device(id))?.label).toBe('Stand Lodi')
  })

  it.skipIf(!available)('lists the tablets newest enrolment first, each seen when it last synced', async () => {
    const [older, newer] = [uuidv7(), uuidv7()]
    const { body } = await enrolAs((await issueCode(server.url, cookie)).code, older)
    server.advanceClock(MINUTE)
    await enrolAs((await issueCode(server.url, cookie)).code, newer)
    server.advanceClock(MINUTE)
    expect((await pushRaw(server.url, body.token, JSON.stringify({ facts: [] }))).status).toBe(200)
    const list = await devices()
    expect(list.findIndex((d) => d.id === newer)).toBeLessThan(list.findIndex((d) => d.id === older))
    const seen = list.find((d) => d.id === older)!
    expect(Date.parse(seen.lastSeenAt ?? '') - Date.parse(seen.enrolledAt)).toBeGreaterThanOrEqual(2 * MINUTE)
    const notSeen = list.find((d) => d.id === newer)!
    expect(notSeen.lastSeenAt).toBe(notSeen.enrolledAt)
  })

  it.skipIf(!available)('keeps the first revocation time when revoked twice, restores it, and answers 404 for an unknown tablet', async () => {
    const id = uuidv7()
    await enrolAs((await issueCode(server.url, cookie)).code, id)
    const first = await (await postEmpty(`${server.url}/api/v1/admin/devices/${id}/revoke`, cookie)).json()
    server.advanceClock(MINUTE)
    const second = await (await postEmpty(`${server.url}/api/v1/admin/devices/${id}/revoke`, cookie)).json()
    expect(second.revokedAt).toBe(first.revokedAt)
    expect((await device(id))?.revokedAt).toBe(first.revokedAt)
    const restored = await postEmpty(`${server.url}/api/v1/admin/devices/${id}/restore`, cookie)
    expect(await restored.json()).toMatchObject({ id, revokedAt: null })
    expect((await device(id))?.revokedAt).toBeNull()
    for (const action of ['revoke', 'restore']) {
      const unknown = uuidv7()
      const res = await postEmpty(`${server.url}/api/v1/admin/devices/${unknown}/${action}`, cookie)
      expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 404, body: { code: 'not_found', message: `No device ${unknown}` } })
    }
  })

  it.skipIf(!available)('refuses a code valid longer than 7 days and a revocation with a body, changing nothing', async () => {
    const tooLong = await fetch(`${server.url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ ttlMinutes: 7 * 24 * 60 + 1 }) })
    expect({ status: tooLong.status, body: await tooLong.json() }).toMatchObject({ status: 400, body: { code: 'invalid_body' } })
    const id = uuidv7()
    await enrolAs((await issueCode(server.url, cookie)).code, id)
    for (const action of ['revoke', 'restore']) {
      const res = await fetch(`${server.url}/api/v1/admin/devices/${id}/${action}`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ revokedAt: null }) })
      expect({ action, status: res.status }).toEqual({ action, status: 400 })
    }
    expect((await device(id))?.revokedAt).toBeNull()
  })
})

describe.each(backends)('the device admin routes\' rate limit on $name', ({ name, available }) => {
  let server: TestServer
  beforeAll(async () => {
    if (available) server = await startTestServer(name, { rateLimits: { adminPerMinute: 3 } })
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('limits each coordinator on each route, and leaves another coordinator at the same address alone', async () => {
    const admin = await login(server.url)
    const other = await fetch(`${server.url}/api/v1/admin/accounts`, { method: 'POST', headers: { ...json, cookie: admin }, body: JSON.stringify({ username: 'giulia', password: 'a long enough password' }) })
    expect(other.status).toBe(201)
    const giulia = await login(server.url, 'giulia', 'a long enough password')
    const id = (await enrol(server.url, (await issueCode(server.url, admin)).code)).deviceId
    const calls: [string, (cookie: string) => Promise<Response>][] = [
      ['list', (cookie) => fetch(`${server.url}/api/v1/admin/devices`, { headers: { cookie } })],
      ['revoke', (cookie) => postEmpty(`${server.url}/api/v1/admin/devices/${id}/revoke`, cookie)],
      ['restore', (cookie) => postEmpty(`${server.url}/api/v1/admin/devices/${id}/restore`, cookie)],
      ['code', (cookie) => fetch(`${server.url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...json, cookie }, body: '{}' })],
    ]
    for (const [route, call] of calls) {
      // The code route has served one request of the admin's already (the tablet's code above).
      const allowed = route === 'code' ? 2 : 3
      const statuses: number[] = []
      for (let i = 0; i <= allowed; i++) statuses.push((await call(admin)).status)
      expect({ route, statuses }).toEqual({ route, statuses: [...Array(allowed).fill(route === 'code' ? 201 : 200), 429] })
      expect({ route, status: (await call(giulia)).status }).toEqual({ route, status: route === 'code' ? 201 : 200 })
    }
  })
})
