import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEvent } from '../../src/shared/demo-event.js'
import { PUSH_MAX_BYTES, PUSH_MAX_FACTS } from '../../src/shared/sync-protocol.js'
import { countFacts } from '../../src/server/sync/facts-repository.js'
import { enrolNewDevice, interaction, push, pushRaw } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('push on $name', ({ name, available }) => {
  let server: TestServer
  let device: { deviceId: string; token: string }
  const rows = () => countFacts(server.app.db)

  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    device = await enrolNewDevice(server.url)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('stores one row per fact when the same batch is sent three times', async () => {
    const facts = Array.from({ length: 20 }, () => interaction(device.deviceId))
    const before = await rows()
    const first = await push(server.url, device.token, { facts })
    expect(first.results.map((r) => r.status)).toEqual(facts.map(() => 'accepted'))
    for (let i = 0; i < 2; i++) {
      const again = await push(server.url, device.token, { facts })
      expect(again.results.map((r) => r.status)).toEqual(facts.map(() => 'duplicate'))
    }
    expect(await rows()).toBe(before + 20)
  })

  it.skipIf(!available)('treats a re-sent fact with its keys in another order as a duplicate', async () => {
    const fact = interaction(device.deviceId)
    await push(server.url, device.token, { facts: [fact] })
    const reordered = Object.fromEntries(Object.entries(fact).reverse())
    expect((await push(server.url, device.token, { facts: [reordered] })).results[0]?.status).toBe('duplicate')
  })

  it.skipIf(!available)('rejects the same id with other content as a conflict and keeps the first', async () => {
    const fact = interaction(device.deviceId, { topic: 'alcohol' })
    await push(server.url, device.token, { facts: [fact] })
    const before = await rows()
    const changed = { ...fact, payload: { ...fact.payload, groupSize: 7 } }
    const result = (await push(server.url, device.token, { facts: [changed] })).results[0]
    expect(result).toMatchObject({ id: fact.id, status: 'conflict' })
    const stored = await server.app.db.selectFrom('facts').select('body').where('id', '=', fact.id).executeTakeFirstOrThrow()
    expect(JSON.parse(stored.body).payload.groupSize).toBe(1)
    expect(await rows()).toBe(before)
  })

  it.skipIf(!available)('applies the valid facts of a batch and reports each bad one with its reason', async () => {
    const good = [interaction(device.deviceId), interaction(device.deviceId)]
    const badShape = { ...interaction(device.deviceId), payload: { topic: 'smoking', groupSize: 0 } }
    const otherDevice = interaction(uuidv7())
    const unknownEvent = interaction(device.deviceId, { eventId: uuidv7() })
    const newerClient = { ...interaction(device.deviceId), schemaVersion: 99, shape: 'from the future' }
    const before = await rows()
    const { results } = await push(server.url, device.token, { facts: [good[0], badShape, otherDevice, unknownEvent, newerClient, good[1]] })
    expect(results.map((r) => r.status)).toEqual(['accepted', 'invalid', 'invalid', 'invalid', 'unsupported', 'accepted'])
    expect(results[1]?.reason).toMatch(/payload\.groupSize/)
    expect(results[2]?.reason).toMatch(/^device_mismatch/)
    expect(results[3]?.reason).toMatch(/^unknown_event/)
    expect(await rows()).toBe(before + 2)
  })

  it.skipIf(!available)('accepts facts of an event created offline and pushed in the same batch', async () => {
    const event = { ...demoEvent(new Date()), id: uuidv7(), name: 'Sagra offline', version: 0 }
    const fact = interaction(device.deviceId, { eventId: event.id })
    const first = await push(server.url, device.token, { events: [event], facts: [fact] })
    expect(first.results).toEqual([{ id: event.id, status: 'accepted' }, { id: fact.id, status: 'accepted' }])
    const again = await push(server.url, device.token, { events: [event], facts: [fact] })
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    const edited = await push(server.url, device.token, { events: [{ ...event, name: 'Another name' }], facts: [] })
    expect(edited.results[0]?.status).toBe('conflict')
  })

  it.skipIf(!available)('records the queued count the tablet reports', async () => {
    await pushRaw(server.url, device.token, JSON.stringify({ facts: [] }), { 'x-queued-count': '42' })
    const row = await server.app.db.selectFrom('devices').select('queued_count').where('id', '=', device.deviceId).executeTakeFirstOrThrow()
    expect(Number(row.queued_count)).toBe(42)
  })

  describe.runIf(available)('refuses a bad request with a clear 4xx and writes nothing', () => {
    const cases: [string, () => Promise<Response>, number, string][] = [
      ['malformed JSON', () => pushRaw(server.url, device.token, '{"facts": [ nope'), 400, 'bad_json'],
      ['wrong types', () => pushRaw(server.url, device.token, JSON.stringify({ facts: 'many' })), 400, 'invalid_body'],
      ['extra properties', () => pushRaw(server.url, device.token, JSON.stringify({ facts: [interaction(device.deviceId)], sneaky: 1 })), 400, 'invalid_body'],
      ['too many records', () => pushRaw(server.url, device.token, JSON.stringify({ facts: Array.from({ length: PUSH_MAX_FACTS + 1 }, () => interaction(device.deviceId)) })), 413, 'batch_too_large'],
      ['an oversize body', () => pushRaw(server.url, device.token, JSON.stringify({ facts: [interaction(device.deviceId)], pad: 'x'.repeat(PUSH_MAX_BYTES) })), 413, 'body_too_large'],
      ['no token', () => fetch(`${server.url}/api/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ facts: [interaction(device.deviceId)] }) }), 401, 'unauthorized'],
      ['an unknown token', () => pushRaw(server.url, 'x'.repeat(43), JSON.stringify({ facts: [interaction(device.deviceId)] })), 401, 'unauthorized'],
    ]
    it.each(cases)('%s', async (_label, send, status, code) => {
      const before = await rows()
      const res = await send()
      expect(res.status).toBe(status)
      const body = await res.json()
      expect(body).toMatchObject({ code, message: expect.any(String) })
      if (code === 'invalid_body') expect(body.details.length).toBeGreaterThan(0)
      expect(await rows()).toBe(before)
    })
  })

  it.skipIf(!available)('answers 401 to a revoked tablet', async () => {
    const revoked = await enrolNewDevice(server.url)
    await server.app.db.updateTable('devices').set({ revoked_at: new Date().toISOString() }).where('id', '=', revoked.deviceId).execute()
    const before = await rows()
    const res = await pushRaw(server.url, revoked.token, JSON.stringify({ facts: [interaction(revoked.deviceId)] }))
    expect(res.status).toBe(401)
    expect(await rows()).toBe(before)
  })
})

describe.each(backends)('push rate limit on $name', ({ name, available }) => {
  let server: TestServer
  beforeAll(async () => {
    if (available) server = await startTestServer(name, { rateLimits: { devicePerMinute: 3 } })
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('limits each tablet on its own, not the shared IP', async () => {
    const a = await enrolNewDevice(server.url)
    const b = await enrolNewDevice(server.url)
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await pushRaw(server.url, a.token, JSON.stringify({ facts: [] }))).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const limited = await pushRaw(server.url, a.token, JSON.stringify({ facts: [interaction(a.deviceId)] }))
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' })
    expect((await pushRaw(server.url, b.token, JSON.stringify({ facts: [] }))).status).toBe(200)
  })
})
