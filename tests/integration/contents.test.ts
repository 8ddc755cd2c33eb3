import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentsResponseSchema, eventCodesResponseSchema, uploadedMediaSchema } from '../../src/shared/content-protocol.js'
import type { ContentInput } from '../../src/shared/contents.js'
import { DEMO_CONTENT_IDS } from '../../src/shared/demo-content-ids.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { trackedCode } from '../../src/shared/qr-codes.js'
import { json, login } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'
import { pngOf, SVG } from './helpers/images.js'

const content: ContentInput = {
  title: { it: 'Camminare fa bene', en: 'Walking is good for you' },
  message: { it: 'Trenta minuti al giorno.', en: 'Thirty minutes a day.' },
  languages: ['it', 'en'], defaultLanguage: 'it', platform: 'web', url: 'https://salute.ats-milano.it/cammino', topic: 'physical_activity', linkMode: 'tracked',
}

describe.each(backends)('the content catalogue on $name', ({ name, available }) => {
  let server: TestServer
  let cookie: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    cookie = await login(server.url)
  })
  afterAll(async () => server?.close())

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1/admin${path}`, { method, headers: { ...json, cookie }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    return { status: res.status, body: await res.json() }
  }
  const upload = (bytes: Buffer, type = 'image/png') =>
    fetch(`${server.url}/api/v1/admin/media`, { method: 'POST', headers: { 'content-type': type, origin: server.url, cookie }, body: new Uint8Array(bytes) })

  it.skipIf(!available)('ships the demo contents, with a tracked code per content of the demo event', async () => {
    const { contents } = contentsResponseSchema.parse((await call('GET', '/contents')).body)
    expect(contents.map((c) => c.id)).toEqual(expect.arrayContaining(Object.values(DEMO_CONTENT_IDS)))
    const { codes } = eventCodesResponseSchema.parse((await call('GET', `/events/${DEMO_EVENT_ID}/codes`)).body)
    expect(codes).toHaveLength(3)
    for (const code of codes) {
      expect(code.code).toBe(await trackedCode(DEMO_EVENT_ID, code.contentId))
      expect(code).toMatchObject({ url: `${server.url}/q/${code.code}`, scans: 0, feedback: { useful: 0, notUseful: 0 } })
    }
  })

  it.skipIf(!available).each([
    ['plain http', { url: 'http://www.ats-milano.it/' }, '"path":"url"'],
    ['another site for the agency', { url: 'https://ats-milano.it.evil.example/' }, 'not_an_agency_domain'],
    ['an Instagram post on another host', { platform: 'instagram', url: 'https://instagram.com.evil.example/p/1' }, 'not_a_instagram_link'],
    ['credentials in the link', { url: 'https://user:pw@www.ats-milano.it/' }, 'credentials_in_url'],
  ])('refuses a link with %s', async (_what, change, reason) => {
    const res = await call('POST', '/contents', { ...content, ...change })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain(reason)
  })

  it.skipIf(!available)('takes a PNG by its bytes, names it by its hash, and serves it first-party', async () => {
    const res = await upload(pngOf(64, 48), 'application/octet-stream')
    expect(res.status).toBe(201)
    const media = uploadedMediaSchema.parse(await res.json())
    expect(media).toMatchObject({ width: 64, height: 48, file: expect.stringMatching(/^[0-9a-f]{64}\.png$/) })
    const served = await fetch(`${server.url}/media/${media.file}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('cache-control')).toContain('immutable')
    const created = await call('POST', '/contents', { ...content, thumbnail: media.file })
    expect(created.status).toBe(201)
  })

  it.skipIf(!available).each([
    ['an SVG (it can carry scripts)', SVG, 'image/svg+xml', 415],
    ['an SVG declared as PNG', SVG, 'image/png', 400],
    ['text declared as PNG', Buffer.from('hello, not an image'), 'image/png', 400],
    ['an image too large in pixels', pngOf(2_100, 20), 'image/png', 400],
    ['a file over the size limit', Buffer.concat([pngOf(16, 16), Buffer.alloc(310 * 1024)]), 'image/png', 413],
  ])('refuses %s', async (_what, bytes, type, status) => {
    const before = await call('GET', '/contents')
    expect((await upload(bytes, type)).status).toBe(status)
    expect((await call('GET', '/contents')).body).toEqual(before.body)
  })

  it.skipIf(!available)('never serves anything outside its media folder, whatever the name', async () => {
    for (const path of ['/media/..%2F..%2Fcorner.sqlite', '/media/../corner.sqlite', `/media/${'a'.repeat(64)}.png`, '/media/x.svg']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404)
    }
    const res = await call('POST', '/contents', { ...content, thumbnail: '../../corner.sqlite' })
    expect(res.status).toBe(400)
  })

  it.skipIf(!available)('retires a content: its code then shows the friendly page, its counts stay', async () => {
    const { codes } = eventCodesResponseSchema.parse((await call('GET', `/events/${DEMO_EVENT_ID}/codes`)).body)
    const code = codes.find((c) => c.contentId === DEMO_CONTENT_IDS.quitSmoking)!
    const visit = () => fetch(`${server.url}/q/${code.code}`, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone) Safari/604.1' } })
    expect((await visit()).status).toBe(200)
    expect((await call('POST', `/contents/${DEMO_CONTENT_IDS.quitSmoking}/retire`, {})).body.retiredAt).toEqual(expect.any(String))
    const retired = await visit()
    expect(retired.status).toBe(404)
    expect(await retired.text()).toMatch(/non è più attivo|no longer active/)
    const after = eventCodesResponseSchema.parse((await call('GET', `/events/${DEMO_EVENT_ID}/codes`)).body).codes.find((c) => c.code === code.code)
    expect(after?.scans).toBe(1)
  })
})
