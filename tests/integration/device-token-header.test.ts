import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrolNewDevice, json, pushRaw } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('the device token and queue headers on $name', ({ name, available }) => {
  let server: TestServer
  let device: { deviceId: string; token: string }
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    device = await enrolNewDevice(server.url)
  })
  afterAll(async () => server?.close())

  const pushWith = (authorization: string) =>
    fetch(`${server.url}/api/v1/push`, { method: 'POST', headers: { ...json, authorization }, body: JSON.stringify({ facts: [] }) })
  const queuedCount = async () =>
    (await server.app.db.selectFrom('devices').select('queued_count').where('id', '=', device.deviceId).executeTakeFirstOrThrow()).queued_count

  it.skipIf(!available)('takes exactly "Bearer <token>", with any spaces between', async () => {
    expect((await pushWith(`Bearer ${device.token}`)).status).toBe(200)
    expect((await pushWith(`Bearer    ${device.token}`)).status).toBe(200)
    for (const header of [`xBearer ${device.token}`, `Bearer ${device.token} x`, `Bearer ${device.token}!`, `Bearer${device.token}`, device.token, `Bearer ${device.token.slice(0, 19)}`]) {
      expect((await pushWith(header)).status, header).toBe(401)
    }
  })

  it.skipIf(!available)('records a well-formed queued count and ignores a malformed one', async () => {
    await pushRaw(server.url, device.token, JSON.stringify({ facts: [] }), { 'x-queued-count': '7' })
    expect(Number(await queuedCount())).toBe(7)
    for (const bad of ['-1', '4x', '1234567890', '', '5.5']) {
      expect((await pushRaw(server.url, device.token, JSON.stringify({ facts: [] }), { 'x-queued-count': bad })).status).toBe(200)
      expect(Number(await queuedCount()), bad).toBe(7)
    }
    await pushRaw(server.url, device.token, JSON.stringify({ facts: [] }), { 'x-queued-count': '0' })
    expect(Number(await queuedCount())).toBe(0)
    // A pull reports the queue too, and a pull without the header leaves it as it was.
    const pull = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/v1/pull?cursor=0`, { headers: { authorization: `Bearer ${device.token}`, 'x-corner-protocol': '2', ...headers } })
    expect((await pull({ 'x-queued-count': '12' })).status).toBe(200)
    expect(Number(await queuedCount())).toBe(12)
    await pull({})
    expect(Number(await queuedCount())).toBe(12)
  })
})
