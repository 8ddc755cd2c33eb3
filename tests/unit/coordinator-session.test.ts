import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterLoginPath } from '../../src/app/coordinator/session-guard'
import { useCoordinatorSession } from '../../src/app/coordinator/session-store'
import { useCoordinatorEvents } from '../../src/app/coordinator/events-store'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('coordinator session', () => {
  it('only returns to coordinator pages after login', () => {
    expect(afterLoginPath('/coordinator/devices')).toBe('/coordinator/devices')
    expect(afterLoginPath('//evil.example/coordinator')).toBe('/coordinator')
    expect(afterLoginPath('https://evil.example')).toBe('/coordinator')
    expect(afterLoginPath(undefined)).toBe('/coordinator')
  })

  it('treats a username the server refuses by pattern as wrong credentials', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(400, { code: 'invalid_body', message: 'The request does not match the schema' })))
    expect(await useCoordinatorSession().signIn('a b', 'x')).toBe('invalid_credentials')
  })

  it('says unreachable, not signed out, when /auth/me cannot be asked', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    expect(await useCoordinatorSession().ensureSession()).toBe('unreachable')
  })

  it('signs the page out when a coordinator call answers 401', async () => {
    const session = useCoordinatorSession()
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { username: 'admin', expiresAt: '2026-12-01T10:00:00.000Z' })))
    expect(await session.ensureSession()).toBe('signed-in')
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { code: 'unauthorized', message: 'Log in as a coordinator first' })))
    const events = useCoordinatorEvents()
    await events.load()
    expect(events.loadError).toBe('unauthorized')
    expect(session.username).toBeNull()
    expect(session.reason).toBe('expired')
    expect(await session.ensureSession()).toBe('signed-out')
  })
})
