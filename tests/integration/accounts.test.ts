import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountSchema } from '../../src/shared/admin-protocol.js'
import { json, login, postEmpty } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('disabling coordinator accounts on $name', ({ name, available }) => {
  let server: TestServer
  let admin: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    admin = await login(server.url)
  })
  afterAll(async () => server?.close())

  const create = async (username: string) => {
    const res = await fetch(`${server.url}/api/v1/admin/accounts`, { method: 'POST', headers: { ...json, cookie: admin }, body: JSON.stringify({ username, password: 'a long enough password' }) })
    return accountSchema.parse(await res.json())
  }
  const me = (cookie: string) => fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })

  it.skipIf(!available)('ends the account\'s sessions at once, refuses its logins, and enables it again', async () => {
    const giulia = await create('giulia')
    const session = await login(server.url, 'giulia', 'a long enough password')
    const disabled = await postEmpty(`${server.url}/api/v1/admin/accounts/${giulia.id}/disable`, admin)
    expect(accountSchema.parse(await disabled.json()).disabledAt).toEqual(expect.any(String))
    expect((await me(session)).status).toBe(401)
    const refused = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'giulia', password: 'a long enough password' }) })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'account_disabled' })
    // A wrong password still gets the plain answer: "disabled" is told only to whoever knows the password.
    const wrong = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'giulia', password: 'not the password' }) })
    expect(wrong.status).toBe(401)
    const enabled = await postEmpty(`${server.url}/api/v1/admin/accounts/${giulia.id}/enable`, admin)
    expect(accountSchema.parse(await enabled.json()).disabledAt).toBeNull()
    expect(await login(server.url, 'giulia', 'a long enough password')).toMatch(/^corner_session=/)
  })

  it.skipIf(!available)('does not let a coordinator disable their own account', async () => {
    const self = (await (await fetch(`${server.url}/api/v1/admin/accounts`, { headers: { cookie: admin } })).json()).accounts.find((a: { username: string }) => a.username === 'admin')
    const res = await postEmpty(`${server.url}/api/v1/admin/accounts/${self.id}/disable`, admin)
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ code: 'cannot_disable_self' })
    expect((await me(admin)).status).toBe(200)
  })

  it.skipIf(!available)('answers 404 for an unknown account', async () => {
    expect((await postEmpty(`${server.url}/api/v1/admin/accounts/01930000-0000-7000-8000-00000000ffff/disable`, admin)).status).toBe(404)
  })
})
