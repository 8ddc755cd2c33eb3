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

describe('OpenAPI completeness', () => {
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

  it('describes every API route, with its request and response schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const api = app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD')
    expect(api.length).toBeGreaterThanOrEqual(17)
    for (const route of api) {
      const path = route.url.replace(/:(\w+)/g, '{$1}')
      const op = doc.paths[path]?.[route.method.toLowerCase()]
      expect(op, `${route.method} ${path}`).toBeDefined()
      expect(op.summary, `${route.method} ${path} summary`).toEqual(expect.any(String))
      const ok = Object.entries(op.responses as Record<string, { content?: unknown }>).filter(([status]) => status.startsWith('2'))
      expect(ok.length, `${route.method} ${path} success response`).toBeGreaterThan(0)
      for (const [status, response] of ok) if (status !== '204') expect(response.content, `${route.method} ${path} ${status}`).toBeDefined()
      for (const status of Object.keys(op.responses).filter((s) => !s.startsWith('2'))) {
        expect(op.responses[status].content['application/json'].schema.required, `${path} ${status}`).toEqual(['code', 'message'])
      }
      if (route.method === 'POST' || route.method === 'PUT') {
        const bodies = Object.values(op.requestBody?.content ?? {}) as { schema?: unknown }[]
        expect(bodies.length > 0 && bodies.every((b) => b.schema), `${route.method} ${path} body`).toBe(true)
      }
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        expect(op.parameters.some((p: { in: string; name: string }) => p.in === 'path' && p.name === name), `${path} :${name}`).toBe(true)
      }
    }
    // Nothing documented that does not exist.
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`))
    expect(documented.sort()).toEqual(api.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`).sort())
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
