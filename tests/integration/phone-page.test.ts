import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from './helpers/fake-dist.js'
import { startTestServer, type TestServer } from './helpers/backends.js'

/** /s/{code}: the phone survey's page, served from a built root (a stand-in phone.html here). */
describe('the phone survey page address', () => {
  let server: TestServer
  let root: string
  const PAGE = '<!doctype html><html><body><div id="phone"></div></body></html>'
  beforeAll(async () => {
    root = makeTempDir()
    mkdirSync(join(root, 'phone'))
    writeFileSync(join(root, 'phone', 'phone.html'), PAGE)
    server = await startTestServer('sqlite', { staticRoot: root, rateLimits: { landingPerMinute: 30 } })
  })
  afterAll(async () => {
    await server?.close()
    rmSync(root, { recursive: true, force: true })
  })
  const open = (code: string) => fetch(`${server.url}/s/${code}`)

  it('serves the page for a well-formed code, with its own strict CSP and no cookie', async () => {
    const res = await open('abcdefghij')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(PAGE)
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'/)
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('answers a code that cannot exist with a 404 that is still the page, so the phone explains it in its language', async () => {
    const res = await open('not-a-code!')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await res.text()).toBe(PAGE)
    // The page then asks the API, which answers the malformed code as not found.
    expect((await fetch(`${server.url}/api/v1/codes/not-a-code!/survey`)).status).toBe(404)
  })

  it('limits how often one address may ask for pages', async () => {
    let last = 200
    for (let i = 0; i < 40 && last !== 429; i++) last = (await open('abcdefghij')).status
    expect(last).toBe(429)
  })
})
