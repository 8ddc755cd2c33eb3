import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyncApi } from '../compat/v1/api.js'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit.js'
import { PROTOCOL_HEADER } from '../../src/shared/sync-protocol.js'
import { EVENT_NOTES_MAX } from '../../src/shared/records.js'
import { enrolNewDevice, issueCode, json, login } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

const NOTES = 'Stand next to the church.\n<img src=x onerror="alert(1)"> 40 leaflets left over.'

/** The coordinator's notes on an event: kept as plain text, bounded, and invisible to older tablets. */
describe.each(backends)('event notes on $name', ({ name, available }) => {
  let server: TestServer
  let cookie: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    cookie = await login(server.url)
  })
  afterAll(async () => server?.close())

  const send = (method: string, path: string, body: object) =>
    fetch(`${server.url}/api/v1/admin/events${path}`, { method, headers: { ...json, cookie }, body: JSON.stringify(body) })
  const listed = async (id: string) => {
    const { events } = (await (await fetch(`${server.url}/api/v1/admin/events`, { headers: { cookie } })).json()) as { events: { id: string; notes?: string; version: number }[] }
    return events.find((e) => e.id === id)
  }
  const fields = { kitId: DEMO_KIT_ID, name: 'Sagra', setting: 'community', occasion: 'village_festival', venue: 'Piazza', municipality: 'Lodi', startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [] }

  it.skipIf(!available)('keeps the notes as typed, and drops empty ones', async () => {
    const created = await send('POST', '', { ...fields, notes: NOTES })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    expect((await listed(id))?.notes).toBe(NOTES)
    const cleared = await send('PUT', `/${id}`, { ...fields, notes: '   ' })
    expect(cleared.status).toBe(200)
    expect(await listed(id)).not.toHaveProperty('notes')
  })

  it.skipIf(!available)('refuses notes too long or with control characters, and changes nothing', async () => {
    const { id } = (await (await send('POST', '', { ...fields, notes: 'first' })).json()) as { id: string }
    const before = await listed(id)
    for (const notes of ['x'.repeat(EVENT_NOTES_MAX + 1), 'bell\u0007', 'escape\u001b[31m']) {
      const res = await send('PUT', `/${id}`, { ...fields, notes })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { code: string }).code).toBe('invalid_body')
    }
    expect(await listed(id)).toEqual(before)
  })

  it.skipIf(!available)('reach today\'s tablets in the event document, while a protocol 1 tablet still pulls with its strict schemas', async () => {
    const { id } = (await (await send('POST', '', { ...fields, notes: NOTES })).json()) as { id: string }
    const { token } = await enrolNewDevice(server.url)
    const v2 = (await (await fetch(`${server.url}/api/v1/pull?cursor=0`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: '2' } })).json()) as { events: { id: string; notes?: string }[] }
    expect(v2.events.find((e) => e.id === id)?.notes).toBe(NOTES)

    const v1 = createSyncApi(server.url, (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as object), origin: server.url } }))
    const enrolled = await v1.enrol({ code: (await issueCode(server.url, cookie)).code, deviceId: uuidv7() })
    const seen: { id: string }[] = []
    for (let cursor = 0, page = 0; page < 20; page++) {
      const answer = await v1.pull(enrolled.token, cursor, 0)
      seen.push(...answer.events)
      if (answer.cursor === cursor) break
      cursor = answer.cursor
    }
    expect(seen.find((e) => e.id === id)).toBeDefined()
    expect(seen.find((e) => e.id === id)).not.toHaveProperty('notes')
  })
})
