import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/app/api/api-error'
import * as api from '../../src/app/api/coordinator-api'
import { errorMessageKey } from '../../src/app/coordinator/error-codes'
import { demoEvent } from '../../src/shared/demo-event'

type Answer = { status: number; body?: unknown; raw?: string }
const DEVICE = '019ac2e0-1111-7222-8333-444455556666'

/** A stubbed global fetch answering once; returns the mock to inspect the request. */
function answer({ status, body, raw }: Answer) {
  const text = raw ?? (body === undefined ? '' : JSON.stringify(body))
  const fetchMock = vi.fn(async () => new Response(status === 204 ? null : text, { status, headers: { 'content-type': 'application/json' } }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('coordinator api: error mapping', () => {
  it('turns a 401 invalid_credentials body into a typed error with the server code', async () => {
    answer({ status: 401, body: { code: 'invalid_credentials', message: 'Wrong username or password' } })
    const error = await failure(api.login({ username: 'admin', password: 'nope' }))
    expect(error).toMatchObject({ code: 'invalid_credentials', status: 401 })
  })

  it('keeps the details of a 400 invalid_body', async () => {
    const details = [{ path: 'endDate', message: 'end_before_start' }]
    answer({ status: 400, body: { code: 'invalid_body', message: 'The request does not match the schema', details } })
    const { kitId, name, setting, occasion, venue, municipality, startDate, endDate, targetGroups } = demoEvent(new Date())
    const error = await failure(api.createEvent({ kitId, name, setting, occasion, venue, municipality, startDate, endDate, targetGroups }))
    expect(error.code).toBe('invalid_body')
    expect(error.details).toEqual(details)
  })

  it('reports 409 version_conflict when an edit was based on an old version', async () => {
    const fetchMock = answer({ status: 409, body: { code: 'version_conflict', message: 'Event is at version 5, not 3' } })
    const { id, version: _v, status: _s, createdAt: _c, ...fields } = demoEvent(new Date())
    const error = await failure(api.updateEvent(id, { ...fields, version: 3 }))
    expect(error.code).toBe('version_conflict')
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe(`/api/v1/admin/events/${id}`)
    expect(init.method).toBe('PUT')
    expect(JSON.parse(init.body as string)).toMatchObject({ version: 3 })
  })

  it('says network when the server cannot be reached at all', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const error = await failure(api.listEvents())
    expect(error).toMatchObject({ code: 'network', status: 0 })
  })

  it('classifies answers without an error body by status', async () => {
    answer({ status: 429, raw: 'Too Many Requests' })
    expect((await failure(api.listDevices())).code).toBe('rate_limited')
    answer({ status: 502, raw: '<html>Bad gateway</html>' })
    expect((await failure(api.listDevices())).code).toBe('server')
    answer({ status: 401, raw: '' })
    expect((await failure(api.listAccounts())).code).toBe('unauthorized')
    answer({ status: 418, body: { unexpected: true } })
    expect((await failure(api.listAccounts())).code).toBe('bad_response')
  })

  it('refuses a 200 whose body does not match the shared schema', async () => {
    answer({ status: 200, body: { events: [{ id: 'not-a-uuid' }] } })
    expect((await failure(api.listEvents())).code).toBe('bad_response')
  })

  it('answers null from /auth/me when there is no session, and the account when there is', async () => {
    answer({ status: 401, body: { code: 'unauthorized', message: 'Log in as a coordinator first' } })
    expect(await api.fetchSession()).toBeNull()
    answer({ status: 200, body: { username: 'admin', expiresAt: '2026-12-01T10:00:00.000Z' } })
    expect(await api.fetchSession()).toEqual({ username: 'admin', expiresAt: '2026-12-01T10:00:00.000Z' })
  })

  it('sends the session cookie same-origin, and every state-changing call as JSON, {} when bodiless', async () => {
    const fetchMock = answer({ status: 204 })
    await api.logout()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/auth/logout')
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{}' })
    expect(init.headers).toMatchObject({ 'content-type': 'application/json' })

    const withBody = answer({ status: 201, body: { code: 'ABCD2345', expiresAt: '2026-12-01T10:00:00.000Z', link: 'http://x.test/enrol?code=ABCD2345' } })
    await api.createEnrolmentCode({ label: 'Tablet 1' })
    const [codeUrl, sent] = withBody.mock.calls[0] as unknown as [string, RequestInit]
    expect(codeUrl).toBe('/api/v1/admin/enrolment-codes')
    expect(sent.headers).toMatchObject({ 'content-type': 'application/json' })
    expect(JSON.parse(sent.body as string)).toEqual({ label: 'Tablet 1' })

    const read = answer({ status: 200, body: { devices: [] } })
    await api.listDevices()
    const [, get] = read.mock.calls[0] as unknown as [string, RequestInit]
    expect(get.body).toBeUndefined()
    expect(get.headers).not.toHaveProperty('content-type')
  })

  it.each([
    ['closeEvent', () => api.closeEvent(DEVICE), `/api/v1/admin/events/${DEVICE}/close`],
    ['revokeDevice', () => api.revokeDevice(DEVICE), `/api/v1/admin/devices/${DEVICE}/revoke`],
    ['restoreDevice', () => api.restoreDevice(DEVICE), `/api/v1/admin/devices/${DEVICE}/restore`],
    ['disableAccount', () => api.disableAccount(DEVICE), `/api/v1/admin/accounts/${DEVICE}/disable`],
    ['enableAccount', () => api.enableAccount(DEVICE), `/api/v1/admin/accounts/${DEVICE}/enable`],
  ])('%s posts {} as JSON to its route', async (_name, call, path) => {
    const fetchMock = answer({ status: 200, raw: '{}' })
    await call().catch(() => undefined)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect([url, init.method, init.body]).toEqual([path, 'POST', '{}'])
    expect(init.headers).toMatchObject({ 'content-type': 'application/json' })
  })

  it('asks for a code bound to one tablet when re-enrolling it', async () => {
    const fetchMock = answer({ status: 201, body: { code: 'ABCD2345', deviceId: DEVICE, expiresAt: '2026-12-01T10:00:00.000Z', link: 'http://x.test/enrol?code=ABCD2345' } })
    expect((await api.createEnrolmentCode({ deviceId: DEVICE })).deviceId).toBe(DEVICE)
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(JSON.parse(init.body as string)).toEqual({ deviceId: DEVICE })
  })

  it('changes the password, and says invalid_credentials when the current one is wrong', async () => {
    const ok = answer({ status: 204 })
    await api.changePassword({ currentPassword: 'old-password', newPassword: 'a-new-password' })
    const [url, init] = ok.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/auth/password')
    expect(JSON.parse(init.body as string)).toEqual({ currentPassword: 'old-password', newPassword: 'a-new-password' })
    answer({ status: 401, body: { code: 'invalid_credentials', message: 'Wrong password' } })
    const error = await failure(api.changePassword({ currentPassword: 'nope', newPassword: 'a-new-password' }))
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials' })
  })

  it('explains every code in words, and an unknown one as unknown', () => {
    expect(errorMessageKey('version_conflict')).toBe('coordinator.errors.version_conflict')
    expect(errorMessageKey('some_new_code')).toBe('coordinator.errors.unknown')
  })
})
