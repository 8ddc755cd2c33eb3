import { createHash } from 'node:crypto'
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/start-server.js'
import { FAKE_INLINE_SCRIPT, makeTempDir, writeFakeDist } from './helpers/fake-dist.js'

let server: RunningServer
let dist: string
let dataDir: string
const html = { accept: 'text/html,application/xhtml+xml' }

beforeAll(async () => {
  dist = writeFakeDist()
  dataDir = makeTempDir()
  server = await startServer({ port: 0, staticRoot: dist, dataDir, admin: { password: 'correct horse battery' } })
})

afterAll(async () => {
  await server.close()
  rmSync(dist, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

const sha256 = (code: string) => `sha256-${createHash('sha256').update(code).digest('base64')}`
const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers })

describe('static files', () => {
  it('caches hashed assets for a year, immutable', async () => {
    const res = await get('/assets/app-abc123.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await res.text()).toContain('console.log')
  })

  it.each(['/', '/index.html', '/sw.js', '/manifest.webmanifest'])('never caches %s', async (path) => {
    const res = await get(path, html)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('revalidates other public files', async () => {
    const res = await get('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-cache')
  })

  it('answers an HTML navigation to a client route with index.html, uncached', async () => {
    const res = await get('/enrol?code=ABCD1234', html)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.text()).toContain('<div id="app">')
  })

  it('does not answer a missing asset with index.html', async () => {
    const res = await get('/assets/missing-123.js', { accept: '*/*' })
    expect(res.status).toBe(404)
  })

  it('answers unknown API paths with a JSON 404, even for HTML requests', async () => {
    const res = await get('/api/v1/nope', html)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(await res.json()).toMatchObject({ code: 'not_found', message: expect.any(String) })
  })
})

describe('security headers', () => {
  it("sends a CSP without framing, whose only inline script is the page's own, allowed by its hash", async () => {
    const csp = (await get('/', html)).headers.get('content-security-policy') ?? ''
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))
    expect(scriptSrc).toBe(`script-src 'self' '${sha256(FAKE_INLINE_SCRIPT)}'`)
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-inline')
  })

  it('follows the page when a new build replaces it while the server runs', async () => {
    const page = join(dist, 'index.html')
    const before = readFileSync(page, 'utf8')
    try {
      writeFileSync(page, before.replace(FAKE_INLINE_SCRIPT, 'window.launched=2'))
      // A different size or time: the page is read again.
      utimesSync(page, new Date(), new Date(Date.now() + 5_000))
      const csp = (await get('/', html)).headers.get('content-security-policy') ?? ''
      expect(csp).toContain(`'${sha256('window.launched=2')}'`)
      expect(csp).not.toContain(`'${sha256(FAKE_INLINE_SCRIPT)}'`)
    } finally {
      writeFileSync(page, before)
    }
  })

  it('sends nosniff and no HSTS over plain http', async () => {
    const res = await get('/healthz')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('health', () => {
  it('reports the server and its database as ok', async () => {
    const res = await get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' })
  })
})
