import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app.js'
import { makeTempDir } from './helpers/fake-dist.js'

describe('OpenAPI document', () => {
  let dataDir: string
  let app: Awaited<ReturnType<typeof buildApp>>
  beforeAll(async () => {
    dataDir = makeTempDir()
    app = await buildApp({ dataDir, staticRoot: false })
  })
  afterAll(async () => {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('publishes every sync and coordinator route with strict request schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/v1/push', '/api/v1/pull', '/api/v1/enrol', '/api/v1/auth/login', '/api/v1/admin/events/{id}',
      '/api/v1/admin/enrolment-codes', '/api/v1/admin/devices/{id}/revoke',
    ]))
    const push = doc.paths['/api/v1/push'].post.requestBody.content['application/json'].schema
    expect(push.additionalProperties).toBe(false)
    expect(push.properties.facts.maxItems).toBe(500)
    expect(push.properties.facts.items.oneOf[0].additionalProperties).toBe(false)
  })
})

describe('built-in TLS', () => {
  let dir: string
  beforeAll(() => {
    dir = makeTempDir('corner-tls-')
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('sends HSTS and secure session cookies when it terminates TLS', async () => {
    const app = await buildApp({
      dataDir: join(dir, 'data'), staticRoot: false, admin: { password: 'tls test password' },
      https: { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) },
    })
    try {
      expect((await app.inject({ url: '/healthz' })).headers['strict-transport-security']).toMatch(/max-age=\d+/)
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'sec-fetch-site': 'same-origin' }, payload: { username: 'admin', password: 'tls test password' } })
      expect(login.statusCode).toBe(200)
      expect(String(login.headers['set-cookie'])).toMatch(/; Secure/)
    } finally {
      await app.close()
    }
  })
})
