import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrolNewDevice, interaction, pushRaw } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

const randomToken = () => randomBytes(32).toString('base64url')

describe.each(backends)('requests without a valid device token on $name', ({ name, available }) => {
  let server: TestServer
  beforeAll(async () => {
    if (available) server = await startTestServer(name, { rateLimits: { publicPerMinute: 5, devicePerMinute: 50 } })
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('are checked before the body is read: a malformed body with an unknown token gets 401, not 400', async () => {
    const res = await pushRaw(server.url, randomToken(), '{"facts": [ not json')
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'unauthorized' })
  })

  it.skipIf(!available)('share their address\'s public bucket however many random tokens they try, while an enrolled tablet keeps its own', async () => {
    const tablet = await enrolNewDevice(server.url)
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await pushRaw(server.url, randomToken(), JSON.stringify({ facts: [] }))).status)
    // One of the five went to the malformed-body request above (same address, same minute).
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5)
    expect(statuses.slice(-7)).toEqual(Array(7).fill(429))
    const own = await pushRaw(server.url, tablet.token, JSON.stringify({ facts: [interaction(tablet.deviceId)] }))
    expect(own.status).toBe(200)
  })
})
