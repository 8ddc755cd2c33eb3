import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { enrolNewDevice, login } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('cross-site requests with a valid session cookie on $name', ({ name, available }) => {
  let server: TestServer
  let cookie: string
  let deviceId: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    cookie = await login(server.url)
    deviceId = (await enrolNewDevice(server.url)).deviceId
  })
  afterAll(async () => server?.close())

  const post = (path: string, headers: Record<string, string>, body = '{}') =>
    fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { cookie, ...headers }, body })
  const evil = { 'content-type': 'application/json', origin: 'http://evil.example' }
  const actions: [string, string, string][] = [
    ['revoke a device', `/admin/devices/{device}/revoke`, '{}'],
    ['close an event', `/admin/events/${DEMO_EVENT_ID}/close`, '{}'],
    ['create an account', '/admin/accounts', JSON.stringify({ username: 'intruder', password: 'a long enough password' })],
    ['log out', '/auth/logout', '{}'],
  ]

  it.skipIf(!available).each(actions)('cannot %s from another origin', async (_what, path, body) => {
    const res = await post(path.replace('{device}', deviceId), evil, body)
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ code: 'cross_origin' })
  })

  it.skipIf(!available)('refuses a cross-site fetch marker, a missing origin and a non-JSON body', async () => {
    const path = `/admin/events/${DEMO_EVENT_ID}/close`
    expect((await post(path, { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await post(path, { 'content-type': 'application/json' })).status).toBe(403)
    const plain = await post(path, { 'content-type': 'text/plain', origin: server.url })
    expect(plain.status).toBe(415)
    expect(await plain.json()).toMatchObject({ code: 'unsupported_media_type' })
    const form = await post('/admin/accounts', { 'content-type': 'application/x-www-form-urlencoded', origin: server.url }, 'username=intruder&password=aaaaaaaaaaaa')
    expect(form.status).toBe(415)
  })

  it.skipIf(!available)('left everything as it was, and same-origin calls still work', async () => {
    const devices = await (await fetch(`${server.url}/api/v1/admin/devices`, { headers: { cookie } })).json()
    expect(devices.devices.find((d: { id: string }) => d.id === deviceId).revokedAt).toBeNull()
    const events = await (await fetch(`${server.url}/api/v1/admin/events`, { headers: { cookie } })).json()
    expect(events.events.find((e: { id: string }) => e.id === DEMO_EVENT_ID).status).toBe('open')
    const accounts = await (await fetch(`${server.url}/api/v1/admin/accounts`, { headers: { cookie } })).json()
    expect(accounts.accounts.map((a: { username: string }) => a.username)).not.toContain('intruder')
    expect((await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200)
    const sameOrigin = await post('/admin/accounts', { 'content-type': 'application/json', origin: server.url },
      JSON.stringify({ username: `ok-${uuidv7().slice(-6)}`, password: 'a long enough password' }))
    expect(sameOrigin.status).toBe(201)
  })
})
