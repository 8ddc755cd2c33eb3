import { randomBytes } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CONTENT_IDS } from '../../src/shared/demo-content-ids.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { trackedCode } from '../../src/shared/qr-codes.js'
import { enrolNewDevice, json, login } from './helpers/api.js'
import { ADMIN_PASSWORD, backends, startTestServer, type TestServer } from './helpers/backends.js'

/** The only /api/v1 routes a caller without a session or a device token may reach. */
const PUBLIC = ['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/enrol', 'GET /api/v1/codes/:code/survey', 'POST /api/v1/codes/:code/responses']
const DEVICE = ['POST /api/v1/push', 'GET /api/v1/pull']
const randomSecret = () => randomBytes(32).toString('base64url')
const evil = { 'content-type': 'application/json', origin: 'http://evil.example' }

describe.each(backends)('every API route, as an attacker calls it, on $name', ({ name, available }) => {
  let server: TestServer
  let cookie: string
  let routes: { method: string; url: string; key: string }[]
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name, { rateLimits: { publicPerMinute: 1000, adminPerMinute: 999, devicePerMinute: 998 } })
    cookie = await login(server.url)
    routes = server.app.registeredRoutes
      .filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD')
      .map((r) => ({ ...r, key: `${r.method} ${r.url}` }))
  })
  afterAll(async () => server?.close())

  const call = (route: { method: string; url: string }, headers: Record<string, string>) => {
    const url = route.url.replace(':id', uuidv7()).replace(':code', 'abcdefghjk')
    const body = route.method === 'GET' ? null : '{}'
    // The upload takes raw image bytes: JSON would be refused (415) before the session is asked for.
    const type: Record<string, string> = route.url.endsWith('/media') ? { 'content-type': 'application/octet-stream' } : {}
    return fetch(`${server.url}${url}`, { method: route.method, headers: { ...headers, ...type }, body })
  }

  it.skipIf(!available)('answers 401 on every route but the public ones to no cookie, a random cookie, no token or a random token', async () => {
    const guarded = routes.filter((r) => !PUBLIC.includes(r.key))
    expect(guarded.length).toBeGreaterThanOrEqual(35)
    for (const route of guarded) {
      const credentials: Record<string, string>[] = DEVICE.includes(route.key)
        ? [{}, { authorization: `Bearer ${randomSecret()}` }, { cookie }]
        : [{}, { cookie: `corner_session=${randomSecret()}` }, { authorization: `Bearer ${randomSecret()}` }]
      for (const credential of credentials) {
        const res = await call(route, { ...json, ...credential })
        expect(res.status, `${route.key} with ${Object.keys(credential).join() || 'nothing'}`).toBe(401)
        expect((await res.json()).code).toBe('unauthorized')
        // Counted before being refused, in the address's public bucket.
        expect(res.headers.get('x-ratelimit-limit'), route.key).toBe('1000')
      }
    }
  })

  it.skipIf(!available)('counts every route against a limit: the account\'s, the tablet\'s, or the address\'s on public routes and for password changes', async () => {
    const tablet = await enrolNewDevice(server.url)
    for (const route of routes) {
      // Public routes without the cookie: logout would end it.
      const credential: Record<string, string> = DEVICE.includes(route.key) ? { authorization: `Bearer ${tablet.token}` } : PUBLIC.includes(route.key) ? {} : { cookie }
      const res = await call(route, { ...json, ...credential })
      const expected = DEVICE.includes(route.key) ? '998' : PUBLIC.includes(route.key) || route.key === 'POST /api/v1/auth/password' ? '1000' : '999'
      expect(res.headers.get('x-ratelimit-limit'), `${route.key} answered ${res.status}`).toBe(expected)
    }
  })

  it.skipIf(!available)('refuses every state-changing route to a page of another origin, even with a valid cookie', async () => {
    const changing = routes.filter((r) => r.method !== 'GET')
    expect(changing.length).toBeGreaterThanOrEqual(25)
    for (const route of changing) {
      const res = await call(route, { ...evil, cookie })
      expect(res.status, route.key).toBe(403)
      expect((await res.json()).code, route.key).toBe('cross_origin')
    }
  })

  it.skipIf(!available)('declares a strict JSON body (no unknown field) on every route that takes JSON', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const withBody = routes.filter((r) => r.method !== 'GET')
    for (const route of withBody) {
      const content = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')][route.method.toLowerCase()].requestBody.content
      if (route.url.endsWith('/media')) expect(content['application/json'], route.key).toBeUndefined()
      else expect(content['application/json'].schema.additionalProperties, route.key).toBe(false)
    }
  })

})

describe.each(backends)('random session cookies by the hundred on $name', ({ name, available }) => {
  let server: TestServer
  beforeAll(async () => {
    if (available) server = await startTestServer(name, { rateLimits: { publicPerMinute: 5 } })
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('share their address\'s public bucket on admin routes, while the logged-in coordinator keeps their own', async () => {
    const cookie = await login(server.url)
    const devices = (headers: Record<string, string>) => fetch(`${server.url}/api/v1/admin/devices`, { headers })
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await devices({ cookie: `corner_session=${randomSecret()}` })).status)
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401))
    expect(statuses.slice(5)).toEqual(Array(7).fill(429))
    expect((await devices({ cookie })).status).toBe(200)
  })
})

describe.each(backends)('"was this useful?" posted from elsewhere on $name', ({ name, available }) => {
  let server: TestServer
  let code: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name, { rateLimits: { landingPerMinute: 5 } })
    code = await trackedCode(DEMO_EVENT_ID, DEMO_CONTENT_IDS.fluVaccine)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('thanks another site\'s or a malformed origin\'s post like any other, and counts only its own page\'s', async () => {
    const post = (origin: string) => fetch(`${server.url}/q/${code}/feedback`, {
      method: 'POST', redirect: 'manual', body: 'useful=yes&lang=en', headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    })
    expect((await post('http://evil.example')).status).toBe(303)
    expect((await post('not a url')).status).toBe(303)
    expect((await post(server.url)).status).toBe(303)
    await server.app.linkCounts.flush()
    const rows = await server.app.db.selectFrom('link_counts').select(['kind', 'count']).where('kind', '=', 'useful').execute()
    expect(rows.map((r) => [r.kind, Number(r.count)])).toEqual([['useful', 1]])
  })

  it.skipIf(!available)('never writes back a language it does not offer, in the page or in the redirect', async () => {
    const hostile = '"><img src=x onerror=alert(1)>'
    const page = await (await fetch(`${server.url}/q/${code}?lang=${encodeURIComponent(hostile)}`)).text()
    expect(page).not.toContain('onerror')
    expect(page).toMatch(/^<!doctype html><html lang="it"/)
    const posted = await fetch(`${server.url}/q/${code}/feedback`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ useful: 'yes', lang: hostile }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(posted.headers.get('location')).toBe(`/q/${code}?lang=it&thanks=1`)
  })

  it.skipIf(!available)('limits how often one address may post it', async () => {
    const post = () => fetch(`${server.url}/q/${code}/feedback`, { method: 'POST', redirect: 'manual', body: 'useful=yes', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    let last = 303
    for (let i = 0; i < 8 && last === 303; i++) last = (await post()).status
    expect(last).toBe(429)
  })
})

describe.each(backends)('made-up QR codes by the hundred on $name', ({ name, available }) => {
  let server: TestServer
  beforeAll(async () => {
    if (available) server = await startTestServer(name, { rateLimits: { publicPerMinute: 3, phonePerCodePerMinute: 50 } })
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('share their address\'s public bucket on the phone API, while a real code keeps its own', async () => {
    const madeUp = () => Array.from(randomBytes(10), (b) => 'abcdefghjkmnpqrstuvwxyz23456789'[b % 31]).join('')
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${server.url}/api/v1/codes/${madeUp()}/survey`)).status)
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/v1/codes/${madeUp()}/responses`, { method: 'POST', headers: json, body: JSON.stringify({ responses: [] }) })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429, 400, 400, 400, 429, 429])
    const code = await trackedCode(DEMO_EVENT_ID, DEMO_CONTENT_IDS.fluVaccine)
    expect((await fetch(`${server.url}/api/v1/codes/${code}/survey`)).status).toBe(200)
  })
})

describe.each(backends)('a client picking a new IPv6 address in its /64 for every request, behind a proxy, on $name', ({ name, available }) => {
  let limited: TestServer
  let throttled: TestServer
  beforeAll(async () => {
    if (!available) return
    limited = await startTestServer(name, { trustProxy: 1, rateLimits: { publicPerMinute: 3 } })
    throttled = await startTestServer(name, { trustProxy: 1, rateLimits: { publicPerMinute: 100 } })
  })
  afterAll(async () => {
    await limited?.close()
    await throttled?.close()
  })
  const from = (address: string) => ({ ...json, 'x-forwarded-for': address })

  it.skipIf(!available)('is one client to the per-address limit; the next /64 is another', async () => {
    const enrol = (address: string) => fetch(`${limited.url}/api/v1/enrol`, { method: 'POST', headers: from(address), body: JSON.stringify({ code: 'ABCD2345', deviceId: uuidv7() }) })
    const statuses: number[] = []
    for (let i = 1; i <= 5; i++) statuses.push((await enrol(`2001:db8::${i}`)).status)
    expect(statuses).toEqual([410, 410, 410, 429, 429])
    expect((await enrol('2001:db8:0:1::1')).status).toBe(410)
  })

  it.skipIf(!available)('is one client to the login throttle too', async () => {
    const login = (address: string, password: string) => fetch(`${throttled.url}/api/v1/auth/login`, { method: 'POST', headers: from(address), body: JSON.stringify({ username: 'admin', password }) })
    for (let i = 1; i <= 5; i++) expect((await login(`2001:db8::a${i}`, 'wrong password')).status).toBe(401)
    expect((await login('2001:db8::ff', ADMIN_PASSWORD)).status).toBe(429)
    expect((await login('2001:db8:0:1::1', ADMIN_PASSWORD)).status).toBe(200)
  })
})
