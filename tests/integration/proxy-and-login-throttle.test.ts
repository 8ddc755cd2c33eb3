import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setAccountEnabled } from '../../src/server/accounts/accounts-service.js'
import { json } from './helpers/api.js'
import { ADMIN_PASSWORD, backends, startTestServer, type TestServer } from './helpers/backends.js'

/** A login as it arrives through one reverse proxy: the proxy appends the client's address. */
function loginVia(server: TestServer, forwardedFor: string, password: string, username = 'admin') {
  return fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { ...json, 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ username, password }),
  })
}

describe.each(backends)('behind a proxy, on $name', ({ name, available }) => {
  let hops: TestServer
  let any: TestServer
  beforeAll(async () => {
    if (!available) return
    hops = await startTestServer(name, { trustProxy: 1, rateLimits: { publicPerMinute: 3 } })
    any = await startTestServer(name, { trustProxy: ['127.0.0.1'], rateLimits: { publicPerMinute: 3 } })
  })
  afterAll(async () => {
    await hops?.close()
    await any?.close()
  })

  it.skipIf(!available).each([['a hop count', () => hops], ['the proxy\'s address', () => any]])(
    'keys the per-address limit on the address the proxy saw, whatever the client claims (%s)',
    async (_how, server) => {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) statuses.push((await loginVia(server(), `10.9.9.${i}, 203.0.113.7`, 'wrong password')).status)
      expect(statuses).toEqual([401, 401, 401, 429, 429])
      // Another real client behind the same proxy is not affected.
      expect((await loginVia(server(), '198.51.100.2', ADMIN_PASSWORD)).status).toBe(200)
    },
  )
})

describe.each(backends)('the login throttle on $name', ({ name, available }) => {
  let server: TestServer
  beforeAll(async () => {
    if (available) {
      server = await startTestServer(name, {
        trustProxy: 1, rateLimits: { publicPerMinute: 1000 }, loginThrottle: { perSource: 5, perUsername: 8, windowMinutes: 15 },
      })
    }
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('stops a guesser after five failures, even with the right password, and lets the coordinator in from elsewhere', async () => {
    for (let i = 0; i < 5; i++) expect((await loginVia(server, '203.0.113.10', `guess ${i}`)).status).toBe(401)
    const blocked = await loginVia(server, '203.0.113.10', ADMIN_PASSWORD)
    expect(blocked.status).toBe(429)
    expect(await blocked.json()).toMatchObject({ code: 'rate_limited' })
    expect((await loginVia(server, '198.51.100.20', ADMIN_PASSWORD)).status).toBe(200)
  })

  it.skipIf(!available)('caps failures for one username across all addresses, and lets the window pass', async () => {
    // 5 failures so far (above); 3 more from fresh addresses reach the per-username ceiling of 8.
    for (let i = 0; i < 3; i++) expect((await loginVia(server, `203.0.113.${20 + i}`, 'guess')).status).toBe(401)
    expect((await loginVia(server, '203.0.113.99', 'guess')).status).toBe(429)
    expect((await loginVia(server, '198.51.100.21', ADMIN_PASSWORD)).status).toBe(429)
    server.advanceClock(16 * 60_000)
    try {
      expect((await loginVia(server, '198.51.100.21', ADMIN_PASSWORD)).status).toBe(200)
    } finally {
      server.advanceClock(-16 * 60_000)
    }
  })

  it.skipIf(!available)('never disables the last enabled account', async () => {
    const admin = await server.app.db.selectFrom('accounts').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
    await expect(setAccountEnabled(server.app.db, admin.id, false, 'another-coordinator', new Date())).rejects.toMatchObject({ code: 'last_account' })
  })
})
