import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_EVENT_ID, demoEvent } from '../../src/shared/demo-event.js'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit.js'
import { eventSchema } from '../../src/shared/records.js'
import { PROTOCOL_HEADER, PULL_PAGE_SIZE, pullResponseSchema, type PullResponse } from '../../src/shared/sync-protocol.js'
import { pullResponseV1Schema } from '../../src/server/sync/protocol-v1.js'
import { enrolNewDevice, interaction, json, login, push, voidOf } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('pull on $name', ({ name, available }) => {
  let server: TestServer
  let device: { deviceId: string; token: string }
  let cookie: string

  async function pullRaw(query: string, protocol?: number): Promise<unknown> {
    const headers = { authorization: `Bearer ${device.token}`, ...(protocol ? { [PROTOCOL_HEADER]: String(protocol) } : {}) }
    const res = await fetch(`${server.url}/api/v1/pull?${query}`, { headers })
    if (res.status !== 200) throw new Error(`pull ${res.status}: ${await res.text()}`)
    return res.json()
  }
  /** As today's tablets ask (protocol 2): pages with hasMore. */
  const pull = async (query: string): Promise<PullResponse> => pullResponseSchema.parse(await pullRaw(query, 2))
  /** As tablets installed before the protocol header ask: the version 1 shape, strictly. */
  const pullV1 = async (query: string) => pullResponseV1Schema.strict().parse(await pullRaw(query))

  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    device = await enrolNewDevice(server.url)
    cookie = await login(server.url)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('gives a new tablet the seeded demo kit and event, then nothing until a change', async () => {
    const first = await pull('cursor=0')
    expect(first.kits.map((k) => k.id)).toEqual([DEMO_KIT_ID])
    expect(first.events.map((e) => e.id)).toContain(DEMO_EVENT_ID)
    expect(first.cursor).toBeGreaterThan(0)
    const next = await pull(`cursor=${first.cursor}`)
    expect(next).toEqual({ cursor: first.cursor, hasMore: false, kits: [], events: [], surveys: [], contents: [] })
    expect(await pullV1(`cursor=${first.cursor}`)).toEqual({ cursor: first.cursor, kits: [], events: [] })
  })

  it.skipIf(!available)('returns an edited event after the cursor, with a higher version', async () => {
    const { cursor } = await pull('cursor=0')
    const { id: _id, version: _v, status: _s, createdAt: _c, ...fields } = demoEvent(new Date())
    const res = await fetch(`${server.url}/api/v1/admin/events/${DEMO_EVENT_ID}`, {
      method: 'PUT', headers: { ...json, cookie }, body: JSON.stringify({ ...fields, name: 'Sagra di Lodi' }),
    })
    expect(res.status).toBe(200)
    const edited = eventSchema.parse(await res.json())
    expect(edited.version).toBeGreaterThan(cursor)
    const changed = await pull(`cursor=${cursor}`)
    expect(changed.events).toEqual([edited])
    expect(changed.cursor).toBe(edited.version)
  })

  it.skipIf(!available)('includes events pushed by another tablet', async () => {
    const { cursor } = await pull('cursor=0')
    const other = await enrolNewDevice(server.url)
    const event = { ...demoEvent(new Date()), id: uuidv7(), name: 'Fiera offline' }
    await push(server.url, other.token, { events: [event], facts: [] })
    const changed = await pull(`cursor=${cursor}`)
    expect(changed.events.map((e) => [e.id, e.name])).toEqual([[event.id, 'Fiera offline']])
  })

  it.skipIf(!available)('totals contacts across tablets, minus voided ones', async () => {
    const eventId = uuidv7()
    const event = { ...demoEvent(new Date()), id: eventId }
    const other = await enrolNewDevice(server.url)
    const mine = Array.from({ length: 5 }, () => interaction(device.deviceId, { eventId }))
    const theirs = Array.from({ length: 3 }, () => interaction(other.deviceId, { eventId }))
    await push(server.url, device.token, { events: [event], facts: [...mine, voidOf(mine[0]!), voidOf(mine[0]!)] })
    await push(server.url, other.token, { facts: [...theirs, voidOf(theirs[2]!)] })
    const { totals } = await pull(`cursor=0&eventId=${eventId}`)
    expect(totals).toEqual({ eventId, contacts: 6, devices: 2, surveys: [], contents: [] })
  })

  it.skipIf(!available)('sends everything again to a tablet whose cursor is ahead of this database', async () => {
    const { cursor } = await pull('cursor=0')
    const restored = await pull(`cursor=${cursor + 1000}`)
    expect(restored.cursor).toBe(cursor)
    expect(restored.kits.map((k) => k.id)).toEqual([DEMO_KIT_ID])
  })

  it.skipIf(!available)('pages 200 documents at a time in version order, and a version 1 tablet follows the same pages', async () => {
    const start = (await pull('cursor=0')).cursor
    const created: string[] = []
    const base = demoEvent(new Date())
    for (let i = 0; i < PULL_PAGE_SIZE + 50; i++) {
      const { id: _id, version: _v, status: _s, createdAt: _c, ...fields } = { ...base, name: `Evento ${i}` }
      const res = await fetch(`${server.url}/api/v1/admin/events`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(fields) })
      created.push(((await res.json()) as { id: string }).id)
    }
    const first = await pull(`cursor=${start}`)
    expect(first.hasMore).toBe(true)
    expect(first.events).toHaveLength(PULL_PAGE_SIZE)
    expect(first.cursor).toBe(first.events.at(-1)?.version)
    const versions = first.events.map((e) => e.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    const second = await pull(`cursor=${first.cursor}`)
    expect(second.hasMore).toBe(false)
    expect([...first.events, ...second.events].map((e) => e.id)).toEqual(created)

    const v1First = await pullV1(`cursor=${start}`)
    expect(v1First.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id))
    expect(v1First.cursor).toBe(first.cursor)
    expect((await pullV1(`cursor=${v1First.cursor}`)).events.map((e) => e.id)).toEqual(second.events.map((e) => e.id))
  })

  it.skipIf(!available)('refuses a malformed cursor and an unknown query parameter', async () => {
    for (const query of ['cursor=-1', 'cursor=abc', 'eventId=nope', 'cursor=0&extra=1']) {
      const res = await fetch(`${server.url}/api/v1/pull?${query}`, { headers: { authorization: `Bearer ${device.token}` } })
      expect(res.status, query).toBe(400)
      expect(await res.json()).toMatchObject({ code: 'invalid_query' })
    }
  })
})
