import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kitFileSchema } from '../../src/shared/admin-protocol.js'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit.js'
import { kitDocumentSchema } from '../../src/shared/records.js'
import { json, login } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('kits on $name', ({ name, available }) => {
  let server: TestServer
  let other: TestServer
  let cookie: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    other = await startTestServer(name)
    cookie = await login(server.url)
  })
  afterAll(async () => {
    await server?.close()
    await other?.close()
  })

  const call = async (target: TestServer, method: string, path: string, body?: unknown, cookieFor = cookie) => {
    const res = await fetch(`${target.url}/api/v1/admin${path}`, {
      method, headers: { ...json, cookie: cookieFor }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    return { status: res.status, body: await res.json() }
  }
  const kitCount = async (target: TestServer) => Number((await target.app.db.selectFrom('kits').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  it.skipIf(!available)('duplicates a kit to personalise it, and an event is created from the copy', async () => {
    const copy = await call(server, 'POST', `/kits/${DEMO_KIT_ID}/duplicate`, { name: 'Scuole — secondaria' })
    expect(copy.status).toBe(201)
    const kit = kitDocumentSchema.parse(copy.body)
    expect(kit.id).not.toBe(DEMO_KIT_ID)
    const personalised = await call(server, 'PUT', `/kits/${kit.id}`, { ...kit, id: undefined, version: kit.version, color: '#006600', topics: ['smoking', 'alcohol', 'gambling'], audiences: ['students'] })
    expect(personalised.body).toMatchObject({ color: '#006600', topics: ['smoking', 'alcohol', 'gambling'] })
    const event = await call(server, 'POST', '/events', {
      kitId: kit.id, name: 'Liceo Volta', setting: 'school', occasion: 'school_event', venue: 'Aula magna', municipality: 'Milano',
      startDate: '2026-12-01', endDate: '2026-12-01', targetGroups: ['students'],
    })
    expect(event.status).toBe(201)
  })

  it.skipIf(!available)('travels as a file: exported here, imported on another server whole, and a second import changes nothing', async () => {
    const file = kitFileSchema.parse((await call(server, 'GET', `/kits/${DEMO_KIT_ID}/export`)).body)
    expect(file.surveys).toHaveLength(4)
    expect(file.contents).toHaveLength(3)
    // Another agency's server with nothing of ours: a kit duplicated there first is a different id.
    const theirCookie = await login(other.url)
    const copy = kitDocumentSchema.parse((await call(server, 'POST', `/kits/${DEMO_KIT_ID}/duplicate`, { name: 'Kit da esportare' })).body)
    // …offering a survey and a content that exist only here.
    const survey = (await call(server, 'POST', '/surveys', { ...file.surveys[0], id: undefined, revision: undefined, publishedAt: undefined, name: 'Solo qui' })).body
    await call(server, 'POST', `/surveys/${survey.id}/publish`, {})
    const content = (await call(server, 'POST', '/contents', { ...file.contents[0], id: undefined, title: { ...file.contents[0]!.title, it: 'Solo qui' } })).body
    const { id: _id, version, ...fields } = copy
    await call(server, 'PUT', `/kits/${copy.id}`, { ...fields, version, surveyIds: [survey.id], contentIds: [content.id] })
    const exported = kitFileSchema.parse((await call(server, 'GET', `/kits/${copy.id}/export`)).body)
    const before = await kitCount(other)
    const first = await call(other, 'POST', '/kits/import', exported, theirCookie)
    expect(first.status).toBe(201)
    const again = await call(other, 'POST', '/kits/import', exported, theirCookie)
    expect(again.status).toBe(200)
    expect(await kitCount(other)).toBe(before + 1)
    expect(kitDocumentSchema.parse(again.body)).toMatchObject({ id: copy.id, name: 'Kit da esportare', surveyIds: [survey.id], contentIds: [content.id] })
    expect((await call(other, 'GET', `/surveys/${survey.id}`, undefined, theirCookie)).body.published.name).toBe('Solo qui')
    expect((await call(other, 'GET', '/contents', undefined, theirCookie)).body.contents.map((c: { id: string }) => c.id)).toContain(content.id)
  })

  it.skipIf(!available)('refuses a hostile, oversize, wrong-version or incomplete file, changing nothing', async () => {
    const file = kitFileSchema.parse((await call(server, 'GET', `/kits/${DEMO_KIT_ID}/export`)).body)
    const fresh = { ...file, kit: { ...file.kit, id: '01930000-0000-7000-8000-00000000c0de' } }
    const before = await kitCount(server)
    const cases: [string, unknown, number][] = [
      ['a newer format', { ...fresh, formatVersion: 2 }, 400],
      ['an unknown property', { ...fresh, kit: { ...fresh.kit, admin: true } }, 400],
      ['a kit naming a survey it does not carry', { ...fresh, kit: { ...fresh.kit, surveyIds: ['01930000-0000-7000-8000-00000000dead'] } }, 400],
      ['a content linking off the agency', { ...fresh, contents: [{ ...fresh.contents[0], id: '01930000-0000-7000-8000-00000000beef', platform: 'web', url: 'https://evil.example/' }] }, 400],
      ['a different kit under an existing id', { ...file, kit: { ...file.kit, name: 'Impostor' } }, 409],
      ['a file too large', { ...fresh, kit: { ...fresh.kit, name: 'x'.repeat(1_100_000) } }, 413],
    ]
    for (const [what, body, status] of cases) expect((await call(server, 'POST', '/kits/import', body)).status, what).toBe(status)
    expect((await call(server, 'POST', '/kits/import', '{"format":"corner-kit",')).body.code).toBe('bad_json')
    expect(await kitCount(server)).toBe(before)
    const contents = await server.app.db.selectFrom('contents').select('id').where('id', '=', '01930000-0000-7000-8000-00000000beef').execute()
    expect(contents).toEqual([])
  })
})
