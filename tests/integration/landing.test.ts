import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CONTENT_IDS } from '../../src/shared/demo-content-ids.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { trackedCode } from '../../src/shared/qr-codes.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

const PHONE = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36'

describe.each(backends)('the landing page of a QR code on $name', ({ name, available }) => {
  let server: TestServer
  let code: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name, { rateLimits: { landingPerMinute: 40 } })
    code = await trackedCode(DEMO_EVENT_ID, DEMO_CONTENT_IDS.fluVaccine)
  })
  afterAll(async () => server?.close())

  const open = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers: { 'user-agent': PHONE, ...headers }, redirect: 'manual' })
  const resetCounts = async () => {
    await server.app.linkCounts.flush()
    await server.app.db.deleteFrom('link_counts').execute()
  }
  const counts = async () => {
    await server.app.linkCounts.flush()
    return server.app.db.selectFrom('link_counts').selectAll().orderBy('kind').orderBy('language').execute()
  }

  it.skipIf(!available)('opens in the phone\'s language, right to left in Arabic, with no cookie, no cache, no script', async () => {
    const res = await open(`/q/${code}`, { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.8' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/)
    expect(html).toContain('لقاح الإنفلونزا')
    expect(html).toContain('rel="noopener noreferrer"')
    expect(html).not.toMatch(/<script|<iframe|https?:\/\/(?!www\.instagram\.com\/|www\.ats-milano\.it\/)/)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/)
    expect(Buffer.byteLength(html)).toBeLessThan(30_000)
  })

  it.skipIf(!available).each([['it', 'Vaccino antinfluenzale'], ['en', 'Flu vaccine'], ['zh', '流感疫苗'], ['es', 'Vacuna contra la gripe']])(
    'speaks %s when the phone asks for it, or when chosen', async (lang, title) => {
      expect(await (await open(`/q/${code}`, { 'accept-language': lang })).text()).toContain(`lang="${lang}"`)
      expect(await (await open(`/q/${code}?lang=${lang}`)).text()).toContain(title)
    })

  it.skipIf(!available)('counts arrivals by day and language only, and no link preview bot', async () => {
    await resetCounts()
    await open(`/q/${code}`, { 'accept-language': 'es' })
    await open(`/q/${code}`, { 'accept-language': 'es' })
    await open(`/q/${code}?lang=it`) // switching language is the same visit
    await open(`/q/${code}`, { 'user-agent': 'WhatsApp/2.23.20.0', 'accept-language': 'es' })
    await open(`/q/${code}`, { 'user-agent': 'facebookexternalhit/1.1', 'accept-language': 'es' })
    const rows = await counts()
    expect(rows).toEqual([{ event_id: DEMO_EVENT_ID, content_id: DEMO_CONTENT_IDS.fluVaccine, day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), language: 'es', kind: 'scan', count: 2 }])
  })

  it.skipIf(!available)('takes "was this useful?" as a plain form post, once per post, then thanks without a second post on reload', async () => {
    await resetCounts()
    const post = (useful: string) => fetch(`${server.url}/q/${code}/feedback`, {
      method: 'POST', redirect: 'manual', body: `useful=${useful}&lang=en`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': PHONE, origin: server.url },
    })
    const answer = await post('yes')
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe(`/q/${code}?lang=en&thanks=1`)
    await post('no')
    await post('maybe')
    const thanks = await open(answer.headers.get('location') ?? '')
    expect(await thanks.text()).toContain('Thank you for your answer!')
    expect((await counts()).map((r) => [r.kind, r.language, r.count])).toEqual([['not_useful', 'en', 1], ['useful', 'en', 1]])
  })

  it.skipIf(!available)('keeps no address, agent or cookie: the counts table has only its aggregate columns', async () => {
    const columns = Object.keys((await counts())[0] as object).sort()
    expect(columns).toEqual(['content_id', 'count', 'day', 'event_id', 'kind', 'language'])
  })

  it.skipIf(!available)('answers an unknown code with a friendly page in the phone\'s language', async () => {
    for (const path of ['/q/aaaaaaaaaa', '/q/NOT-A-CODE', '/q/..%2F..']) {
      const res = await open(path, { 'accept-language': 'zh-CN' })
      expect(res.status, path).toBe(404)
      expect(await res.text(), path).toContain('lang="zh"')
    }
  })

  it.skipIf(!available)('answers 429 with a page, without keeping who asked', async () => {
    let last = 200
    for (let i = 0; i < 45 && last !== 429; i++) last = (await open(`/q/${code}?lang=it`)).status
    expect(last).toBe(429)
    const res = await open(`/q/${code}?lang=it`)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
  })
})
