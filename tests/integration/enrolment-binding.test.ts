import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrol, interaction, issueCode, json, login, postEmpty, pushRaw } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'
import { insertDevice, markCodeUsed } from '../../src/server/devices/devices-repository.js'
import { normaliseEnrolmentCode } from '../../src/server/devices/enrolment-codes.js'
import { sha256 } from '../../src/server/tokens.js'
import { PHONE_DEVICE_ID } from '../../src/shared/phone-device.js'

describe.each(backends)('enrolment codes and tablet identity on $name', ({ name, available }) => {
  let server: TestServer
  let cookie: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    cookie = await login(server.url)
  })
  afterAll(async () => server?.close())

  const enrolRaw = (code: string, deviceId: string) =>
    fetch(`${server.url}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code, deviceId }) })
  const tokenWorks = async (token: string, deviceId: string) =>
    (await pushRaw(server.url, token, JSON.stringify({ facts: [interaction(deviceId)] }))).status === 200

  it.skipIf(!available)('never enrols a tablet under the phones\' shared id, and the refused code still enrols a tablet of its own', async () => {
    const { code } = await issueCode(server.url, cookie)
    const asPhone = await enrolRaw(code, PHONE_DEVICE_ID)
    expect(asPhone.status).toBe(409)
    expect((await asPhone.json()).code).toBe('device_exists')
    expect((await enrolRaw(code, uuidv7())).status).toBe(200)
  })

  it.skipIf(!available)('a code for a new tablet cannot take over an enrolled one, and stays usable', async () => {
    const a = await enrol(server.url, (await issueCode(server.url, cookie)).code)
    const { code } = await issueCode(server.url, cookie)
    const takeover = await enrolRaw(code, a.deviceId)
    expect(takeover.status).toBe(409)
    expect(await takeover.json()).toMatchObject({ code: 'device_exists', message: expect.stringMatching(/already enrolled.*re-enrolment code/) })
    expect(await tokenWorks(a.token, a.deviceId)).toBe(true)
    expect((await enrolRaw(code, uuidv7())).status).toBe(200)
  })

  it.skipIf(!available)('a code issued for tablet B cannot enrol tablet A', async () => {
    const a = await enrol(server.url, (await issueCode(server.url, cookie)).code)
    const b = await enrol(server.url, (await issueCode(server.url, cookie)).code)
    const forB = await issueCode(server.url, cookie, { deviceId: b.deviceId })
    expect(forB.deviceId).toBe(b.deviceId)
    const res = await enrolRaw(forB.code, a.deviceId)
    expect(res.status).toBe(410)
    expect(await res.json()).toMatchObject({ code: 'enrolment_code_invalid', message: expect.stringContaining('issued for another tablet') })
    expect(await tokenWorks(a.token, a.deviceId)).toBe(true)
    const again = await enrol(server.url, forB.code, b.deviceId)
    expect(await tokenWorks(again.token, b.deviceId)).toBe(true)
    expect(await tokenWorks(b.token, b.deviceId)).toBe(false)
  })

  it.skipIf(!available)('a revoked tablet stays revoked until a coordinator restores it', async () => {
    const t = await enrol(server.url, (await issueCode(server.url, cookie)).code)
    const early = await issueCode(server.url, cookie, { deviceId: t.deviceId })
    expect((await postEmpty(`${server.url}/api/v1/admin/devices/${t.deviceId}/revoke`, cookie)).status).toBe(200)
    const refused = await enrolRaw(early.code, t.deviceId)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'device_revoked', message: expect.stringContaining('restore it first') })
    const oldToken = await pushRaw(server.url, t.token, JSON.stringify({ facts: [] }))
    expect({ status: oldToken.status, body: await oldToken.json() }).toMatchObject({ status: 401, body: { code: 'unauthorized', message: expect.stringContaining('revoked device token') } })
    const issue = await fetch(`${server.url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ deviceId: t.deviceId }) })
    expect(issue.status).toBe(409)
    expect(await issue.json()).toMatchObject({ code: 'device_revoked', message: expect.stringContaining('Restore the tablet') })
    const restored = await postEmpty(`${server.url}/api/v1/admin/devices/${t.deviceId}/restore`, cookie)
    expect(await restored.json()).toMatchObject({ id: t.deviceId, revokedAt: null })
    // The old token stays dead; the code issued before the revocation now works.
    expect(await tokenWorks(t.token, t.deviceId)).toBe(false)
    const back = await enrol(server.url, early.code, t.deviceId)
    expect(await tokenWorks(back.token, t.deviceId)).toBe(true)
  })

  it.skipIf(!available)('answers 404 for a code bound to a tablet that does not exist', async () => {
    const deviceId = uuidv7()
    const res = await fetch(`${server.url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ deviceId }) })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ code: 'not_found', message: `No device ${deviceId}` })
  })

  // What an enrolment that lost a race between its checks and its writes sees: another request
  // inserted the same tablet id, or used the same code, in between.
  it.skipIf(!available)('reports a tablet id inserted twice, and a code used twice, as a lost race', async () => {
    const db = server.app.db
    const now = new Date().toISOString()
    const id = uuidv7()
    expect(await insertDevice(db, { id, label: null, now })).toBe(true)
    expect(await insertDevice(db, { id, label: 'again', now })).toBe(false)
    const hash = sha256(normaliseEnrolmentCode((await issueCode(server.url, cookie)).code))
    expect(await markCodeUsed(db, hash, id, now)).toBe(true)
    expect(await markCodeUsed(db, hash, uuidv7(), now)).toBe(false)
  })
})
