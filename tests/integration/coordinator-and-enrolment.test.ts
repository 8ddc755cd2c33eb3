import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devicesResponseSchema, sessionResponseSchema } from '../../src/shared/admin-protocol.js'
import { enrol, interaction, issueCode, json, login, postEmpty, pushRaw } from './helpers/api.js'
import { ADMIN_PASSWORD, backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('coordinator and enrolment on $name', ({ name, available }) => {
  let server: TestServer
  const me = (cookie?: string) => fetch(`${server.url}/api/v1/auth/me`, { headers: cookie ? { cookie } : {} })
  const enrolRaw = (code: string, deviceId = uuidv7()) =>
    fetch(`${server.url}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code, deviceId }) })

  beforeAll(async () => {
    if (available) server = await startTestServer(name)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('logs in with an http-only same-site cookie and logs out', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) })
    expect(res.status).toBe(200)
    expect(sessionResponseSchema.parse(await res.json()).username).toBe('admin')
    const setCookie = res.headers.getSetCookie().join('\n')
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    // Plain http on 127.0.0.1: a Secure cookie would be dropped by the browser.
    expect(setCookie).not.toMatch(/Secure/)
    const cookie = (setCookie.split(';')[0] ?? '').trim()
    expect((await me(cookie)).status).toBe(200)
    const out = await postEmpty(`${server.url}/api/v1/auth/logout`, cookie)
    expect(out.status).toBe(204)
    expect((await me(cookie)).status).toBe(401)
  })

  it.skipIf(!available)('marks the cookie secure behind a TLS proxy', async () => {
    const proxied = await startTestServer(name, { trustProxy: 1 })
    try {
      const res = await fetch(`${proxied.url}/api/v1/auth/login`, {
        method: 'POST', headers: { ...json, 'x-forwarded-proto': 'https' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      })
      expect(res.headers.getSetCookie().join('\n')).toMatch(/Secure/)
    } finally {
      await proxied.close()
    }
  })

  it.skipIf(!available)('refuses a wrong password and anonymous admin calls', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: 'wrong' }) })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'invalid_credentials' })
    expect(res.headers.getSetCookie()).toEqual([])
    expect((await fetch(`${server.url}/api/v1/admin/devices`)).status).toBe(401)
  })

  it.skipIf(!available)('expires a session after its lifetime', async () => {
    const cookie = await login(server.url)
    server.advanceClock(13 * 3_600_000)
    try {
      expect((await me(cookie)).status).toBe(401)
    } finally {
      server.advanceClock(-13 * 3_600_000)
    }
  })

  it.skipIf(!available)('lets a coordinator add an account that can then log in', async () => {
    const cookie = await login(server.url)
    const body = JSON.stringify({ username: 'giulia.rossi', password: 'a long enough password' })
    const created = await fetch(`${server.url}/api/v1/admin/accounts`, { method: 'POST', headers: { ...json, cookie }, body })
    expect(created.status).toBe(201)
    const again = await fetch(`${server.url}/api/v1/admin/accounts`, { method: 'POST', headers: { ...json, cookie }, body })
    expect(again.status).toBe(409)
    await expect(login(server.url, 'giulia.rossi', 'a long enough password')).resolves.toMatch(/^corner_session=/)
  })

  it.skipIf(!available)('changes a password and ends the other sessions', async () => {
    const create = await fetch(`${server.url}/api/v1/admin/accounts`, {
      method: 'POST', headers: { ...json, cookie: await login(server.url) }, body: JSON.stringify({ username: 'marco', password: 'first password!' }),
    })
    expect(create.status).toBe(201)
    const [mine, other] = [await login(server.url, 'marco', 'first password!'), await login(server.url, 'marco', 'first password!')]
    const change = (currentPassword: string) => fetch(`${server.url}/api/v1/auth/password`, {
      method: 'POST', headers: { ...json, cookie: mine }, body: JSON.stringify({ currentPassword, newPassword: 'second password!' }),
    })
    expect((await change('not it')).status).toBe(401)
    expect((await change('first password!')).status).toBe(204)
    expect((await me(mine)).status).toBe(200)
    expect((await me(other)).status).toBe(401)
    await expect(login(server.url, 'marco', 'first password!')).rejects.toThrow(/401/)
    await expect(login(server.url, 'marco', 'second password!')).resolves.toMatch(/^corner_session=/)
  })

  it.skipIf(!available)('enrols a tablet once per code and lists it with last seen and queued count', async () => {
    const cookie = await login(server.url)
    const issued = await issueCode(server.url, cookie, { label: 'Stand Lodi' })
    expect(issued.link).toBe(`${server.url}/enrol?code=${issued.code}`)
    const device = await enrol(server.url, issued.code.toLowerCase())
    const reuse = await enrolRaw(issued.code)
    expect(reuse.status).toBe(410)
    expect(await reuse.json()).toMatchObject({ code: 'enrolment_code_invalid' })
    await pushRaw(server.url, device.token, JSON.stringify({ facts: [] }), { 'x-queued-count': '7' })
    const list = devicesResponseSchema.parse(await (await fetch(`${server.url}/api/v1/admin/devices`, { headers: { cookie } })).json())
    expect(list.devices.find((d) => d.id === device.deviceId)).toMatchObject({ label: 'Tablet A', queuedCount: 7, revokedAt: null, lastSeenAt: expect.any(String) })
  })

  it.skipIf(!available)('refuses an expired code', async () => {
    const issued = await issueCode(server.url, await login(server.url), { ttlMinutes: 60 })
    server.advanceClock(61 * 60_000)
    try {
      const res = await enrolRaw(issued.code)
      expect(res.status).toBe(410)
      expect(await res.json()).toMatchObject({ code: 'enrolment_code_invalid' })
      const devices = await server.app.db.selectFrom('devices').select('id').execute()
      expect(devices.length).toBeGreaterThan(0)
      const used = await server.app.db.selectFrom('enrolment_codes').select('used_at').where('expires_at', '=', issued.expiresAt).executeTakeFirstOrThrow()
      expect(used.used_at).toBeNull()
    } finally {
      server.advanceClock(-61 * 60_000)
    }
  })

  it.skipIf(!available)('retires the old token when a tablet re-enrols, and revocation locks it out', async () => {
    const cookie = await login(server.url)
    const deviceId = uuidv7()
    const first = await enrol(server.url, (await issueCode(server.url, cookie)).code, deviceId)
    const second = await enrol(server.url, (await issueCode(server.url, cookie, { deviceId })).code, deviceId)
    const body = JSON.stringify({ facts: [] })
    expect((await pushRaw(server.url, first.token, body)).status).toBe(401)
    expect((await pushRaw(server.url, second.token, body)).status).toBe(200)
    const revoked = await postEmpty(`${server.url}/api/v1/admin/devices/${deviceId}/revoke`, cookie)
    expect(revoked.status).toBe(200)
    expect((await revoked.json()).revokedAt).toEqual(expect.any(String))
    const res = await pushRaw(server.url, second.token, JSON.stringify({ facts: [interaction(deviceId)] }))
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'unauthorized' })
  })

  it.skipIf(!available)('answers 400 with details to a malformed enrolment and to bad admin input', async () => {
    const res = await fetch(`${server.url}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code: 'ABCD1234', deviceId: 'not-a-uuid' }) })
    expect(res.status).toBe(400)
    expect((await res.json()).details[0].path).toBe('deviceId')
    const cookie = await login(server.url)
    const bad = await fetch(`${server.url}/api/v1/admin/events`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ name: '' }) })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ code: 'invalid_body' })
  })
})

describe.each(backends)('public rate limits on $name', ({ name, available }) => {
  let server: TestServer
  beforeAll(async () => {
    if (available) server = await startTestServer(name, { rateLimits: { publicPerMinute: 2 } })
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('limits login attempts per IP', async () => {
    const attempt = () => fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: 'guess' }) })
    const statuses = [(await attempt()).status, (await attempt()).status, (await attempt()).status]
    expect(statuses).toEqual([401, 401, 429])
  })
})
