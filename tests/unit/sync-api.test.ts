import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/app/api/api-error'
import { createSyncApi } from '../../src/app/api/sync-api'
import { demoEvent } from '../../src/shared/demo-event'
import { demoKit } from '../../src/shared/demo-kit'
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/sync-protocol'

const TOKEN = 'dt_'.padEnd(40, 'x')
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function apiAnswering(response: () => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (_input: string, _init?: RequestInit) => response())
  return { api: createSyncApi('http://central.test', fetchMock), fetchMock }
}

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('the tablet api', () => {
  it('speaks protocol 2 on push and pull, with its token and queue length', async () => {
    const { api, fetchMock } = apiAnswering(() => json(200, { results: [], serverTime: '2026-11-26T09:00:00.000Z' }))
    await api.push(TOKEN, { facts: [], events: [] }, 12)
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('http://central.test/api/v1/push')
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', cache: 'no-store', body: '{"facts":[],"events":[]}' })
    expect(init!.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`, 'x-queued-count': '12', 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    })
    fetchMock.mockImplementation(async () => json(200, { cursor: 0, hasMore: false, kits: [], events: [] }))
    await api.pull(TOKEN, 41, 3, demoEvent(new Date()).id)
    const [pullUrl, pullInit] = fetchMock.mock.calls[1]!
    expect(pullUrl).toBe(`http://central.test/api/v1/pull?cursor=41&eventId=${demoEvent(new Date()).id}`)
    expect(pullInit!.headers).toMatchObject({ [PROTOCOL_HEADER]: '2', 'x-queued-count': '3' })
    expect(pullInit!.body).toBeUndefined()
  })

  it('reads a pull page leniently: new fields and kinds ignored, an unreadable document skipped', async () => {
    const event = demoEvent(new Date('2026-11-26T08:00:00Z'))
    const { api } = apiAnswering(() => json(200, {
      cursor: 9, hasMore: true, serverHint: 'new',
      kits: [{ ...demoKit, theme: { logo: 'x.svg' } }],
      events: [event, { ...event, id: 'not-a-uuid' }],
      posters: [{ id: 'p1', version: 8 }],
    }))
    const page = await api.pull(TOKEN, 0, 0)
    expect(page).toMatchObject({ cursor: 9, hasMore: true, skipped: 1 })
    expect(page.kits).toEqual([demoKit])
    expect(page.events).toEqual([event])
  })

  it('takes a pull from a server before paging as a last page', async () => {
    const { api } = apiAnswering(() => json(200, { cursor: 3, kits: [], events: [] }))
    expect(await api.pull(TOKEN, 0, 0)).toMatchObject({ cursor: 3, hasMore: false })
  })

  it('fails with bad_response when the answer has no cursor, so nothing is stored', async () => {
    const { api } = apiAnswering(() => json(200, { kits: [], events: [] }))
    expect(await failure(api.pull(TOKEN, 0, 0))).toMatchObject({ status: 200, code: 'bad_response' })
  })

  it('keeps a push result with a status it does not know queued, as unsupported', async () => {
    const { api } = apiAnswering(() => json(200, { results: [{ id: 'a', status: 'quarantined', reason: 'later' }], serverTime: '2026-11-26T09:00:00.000Z' }))
    expect((await api.push(TOKEN, { facts: [], events: [] }, 0)).results).toEqual([{ id: 'a', status: 'unsupported', reason: 'later' }])
  })

  it('says network when nothing answers, and keeps the server code otherwise', async () => {
    const offline = apiAnswering(() => Promise.reject(new TypeError('Failed to fetch')))
    expect(await failure(offline.api.pull(TOKEN, 0, 0))).toMatchObject({ status: 0, code: 'network' })
    const revoked = apiAnswering(() => json(401, { code: 'unauthorized', message: 'Unknown or revoked device token' }))
    expect(await failure(revoked.api.push(TOKEN, { facts: [], events: [] }, 0))).toMatchObject({ status: 401, code: 'unauthorized' })
    const proxy = apiAnswering(() => new Response('<html>Bad gateway</html>', { status: 502 }))
    expect(await failure(proxy.api.push(TOKEN, { facts: [], events: [] }, 0))).toMatchObject({ status: 502, code: 'server' })
  })

  it('enrols with the tablet\'s own id, and reads the token strictly', async () => {
    const deviceId = '019ac2e0-1111-7222-8333-444455556666'
    const { api, fetchMock } = apiAnswering(() => json(200, { deviceId, token: TOKEN }))
    expect(await api.enrol({ code: 'K7QX2M9P', deviceId })).toEqual({ deviceId, token: TOKEN })
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toEqual({ code: 'K7QX2M9P', deviceId })
    fetchMock.mockImplementation(async () => json(200, { deviceId }))
    expect(await failure(api.enrol({ code: 'K7QX2M9P', deviceId }))).toMatchObject({ code: 'bad_response' })
    fetchMock.mockImplementation(async () => json(409, { code: 'device_exists', message: 'This code enrols new tablets only' }))
    expect(await failure(api.enrol({ code: 'K7QX2M9P', deviceId }))).toMatchObject({ status: 409, code: 'device_exists' })
  })
})
