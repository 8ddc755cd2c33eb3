import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useCoordinatorAccounts } from '../../src/app/coordinator/accounts-store'
import { useCoordinatorDevices } from '../../src/app/coordinator/devices-store'
import { useCoordinatorSession } from '../../src/app/coordinator/session-store'
import { usePasswordChange } from '../../src/app/coordinator/usePasswordChange'
import { validatePasswordForm } from '../../src/app/coordinator/validate-password'

const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const ACCOUNT = { id: '019ac2e0-1111-7222-8333-444455556666', username: 'mario.rossi', createdAt: '2026-11-26T08:00:00.000Z', disabledAt: null }
const DEVICE = { id: '019ac2e0-2222-7222-8333-444455556666', label: 'Tablet 3', enrolledAt: '2026-11-26T08:00:00.000Z', lastSeenAt: null, queuedCount: 4, revokedAt: null }

/** A stubbed fetch answering in turn; returns the calls made as [url, method, body]. */
function server(...answers: Response[]) {
  const calls: [string, string | undefined, unknown][] = []
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push([url, init?.method, init?.body === undefined ? undefined : JSON.parse(init.body as string)])
    return answers.shift() ?? json(500)
  }))
  return calls
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('the change-password form', () => {
  const form = (current: string, next: string, confirm: string) => validatePasswordForm({ current, next, confirm })

  it('names what is wrong with each field before asking the server', () => {
    expect(form('', '', '')).toEqual({ ok: false, errors: { current: 'required', next: 'required' } })
    expect(form('old', 'short', 'short')).toEqual({ ok: false, errors: { next: 'tooShort' } })
    expect(form('old', 'long-enough-1', 'long-enough-2')).toEqual({ ok: false, errors: { confirm: 'mismatch' } })
    expect(form('old', 'long-enough-1', '')).toEqual({ ok: false, errors: { confirm: 'required' } })
    expect(form('old', 'x'.repeat(201), 'x'.repeat(201))).toEqual({ ok: false, errors: { next: 'tooLong' } })
    expect(form('old', 'long-enough-1', 'long-enough-1')).toEqual({ ok: true, value: { currentPassword: 'old', newPassword: 'long-enough-1' } })
  })

  it('shows a wrong current password at its field, without signing the coordinator out', async () => {
    const session = useCoordinatorSession()
    session.username = 'admin'
    const calls = server(json(401, { code: 'invalid_credentials', message: 'Wrong password' }), json(204))
    const scope = effectScope()
    const change = scope.run(usePasswordChange)!
    Object.assign(change.form, { current: 'not-it', next: 'a-new-password', confirm: 'a-new-password' })
    expect(await change.submit()).toBe(false)
    expect(change.errors.value).toEqual({ current: 'wrong' })
    expect(session.username).toBe('admin')
    change.form.current = 'the-old-password'
    expect(await change.submit()).toBe(true)
    expect(calls.at(-1)).toEqual(['/api/v1/auth/password', 'POST', { currentPassword: 'the-old-password', newPassword: 'a-new-password' }])
    expect(change.done.value).toBe(true)
    expect(change.form).toEqual({ current: '', next: '', confirm: '' })
    scope.stop()
  })

  it('does not call the server when the two new passwords differ', async () => {
    const calls = server()
    const change = effectScope().run(usePasswordChange)!
    Object.assign(change.form, { current: 'old', next: 'a-new-password', confirm: 'another-password' })
    expect(await change.submit()).toBe(false)
    expect(calls).toEqual([])
  })
})

describe('coordinator accounts', () => {
  it('shows an account as disabled once the server disabled it', async () => {
    const store = useCoordinatorAccounts()
    store.accounts = [ACCOUNT]
    const calls = server(json(200, { ...ACCOUNT, disabledAt: '2026-11-26T09:00:00.000Z' }))
    expect(await store.setEnabled(ACCOUNT.id, false)).toBeNull()
    expect(calls).toEqual([[`/api/v1/admin/accounts/${ACCOUNT.id}/disable`, 'POST', {}]])
    expect(store.accounts[0]!.disabledAt).toBe('2026-11-26T09:00:00.000Z')
  })

  it.each(['cannot_disable_self', 'last_account'])('passes the server\'s 409 %s on to be explained, changing nothing', async (code) => {
    const store = useCoordinatorAccounts()
    store.accounts = [ACCOUNT]
    server(json(409, { code, message: 'refused' }))
    expect(await store.setEnabled(ACCOUNT.id, false)).toBe(code)
    expect(store.accounts).toEqual([ACCOUNT])
  })
})

describe('coordinator devices', () => {
  it('issues a re-enrolment code bound to the tablet and shows it with the tablet\'s name', async () => {
    const store = useCoordinatorDevices()
    const link = 'http://central.test/enrol?code=K7QX2M9P'
    const calls = server(json(201, { code: 'K7QX2M9P', deviceId: DEVICE.id, expiresAt: '2026-11-27T08:00:00.000Z', link }))
    expect(await store.reenrol(DEVICE, 'Tablet 3')).toBeNull()
    expect(calls).toEqual([['/api/v1/admin/enrolment-codes', 'POST', { deviceId: DEVICE.id }]])
    expect(store.enrolment).toMatchObject({ code: 'K7QX2M9P', deviceId: DEVICE.id, deviceName: 'Tablet 3' })
    expect(store.enrolment?.qr).toMatch(/^data:image\/svg\+xml/)
  })

  it('restores a revoked tablet, then shows the list as the server has it', async () => {
    const store = useCoordinatorDevices()
    const calls = server(json(200, DEVICE), json(200, { devices: [DEVICE] }))
    expect(await store.restore(DEVICE.id)).toBeNull()
    expect(calls.map(([url, method]) => [url, method])).toEqual([[`/api/v1/admin/devices/${DEVICE.id}/restore`, 'POST'], ['/api/v1/admin/devices', 'GET']])
    expect(store.devices).toEqual([DEVICE])
  })

  it('explains a re-enrolment refused because the tablet is revoked', async () => {
    server(json(409, { code: 'device_revoked', message: 'Restore the tablet before re-enrolling it' }))
    expect(await useCoordinatorDevices().reenrol({ ...DEVICE, revokedAt: '2026-11-26T09:00:00.000Z' }, 'Tablet 3')).toBe('device_revoked')
  })
})
