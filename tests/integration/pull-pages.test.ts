import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pullDocuments, type PullPage } from '../../src/server/sync/pull-service.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { DEMO_CONTENT_IDS } from '../../src/shared/demo-content-ids.js'
import { enrolNewDevice } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('pull pages across document kinds on $name', ({ name, available }) => {
  let server: TestServer
  let device: { deviceId: string; token: string }
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    device = await enrolNewDevice(server.url)
  })
  afterAll(async () => server?.close())

  const versionsOf = (page: PullPage) => [...page.kits, ...page.events, ...page.surveys, ...page.contents].map((d) => d.version)

  it.skipIf(!available)('walks every kit, event, survey and content once, in version order, in pages of the size asked', async () => {
    const all = await pullDocuments(server.app.db, { deviceId: device.deviceId, cursor: 0, now: new Date(), pageSize: 1000 })
    const everything = versionsOf(all).sort((a, b) => a - b)
    expect(all.hasMore).toBe(false)
    expect(all.kits.length * all.events.length * all.surveys.length * all.contents.length).toBeGreaterThan(0)
    expect(everything.length).toBeGreaterThanOrEqual(5)
    for (const pageSize of [1, 2, 3]) {
      const seen: number[] = []
      let cursor = 0
      for (let i = 0; i < 50; i++) {
        const page = await pullDocuments(server.app.db, { deviceId: device.deviceId, cursor, now: new Date(), pageSize })
        const versions = versionsOf(page).sort((a, b) => a - b)
        expect(versions.length).toBeLessThanOrEqual(pageSize)
        expect(versions.every((v) => v > cursor)).toBe(true)
        seen.push(...versions)
        expect(page.hasMore).toBe(seen.length < everything.length)
        cursor = page.cursor
        if (!page.hasMore) break
      }
      expect(seen).toEqual(everything)
      expect(cursor).toBe(all.cursor)
    }
  })

  it.skipIf(!available)('brings the event totals with scans and feedback per content', async () => {
    const day = '2026-11-26'
    await server.app.db.insertInto('link_counts').values([
      { event_id: DEMO_EVENT_ID, content_id: DEMO_CONTENT_IDS.fluVaccine, day, language: 'it', kind: 'scan', count: 5 },
      { event_id: DEMO_EVENT_ID, content_id: DEMO_CONTENT_IDS.fluVaccine, day, language: 'en', kind: 'scan', count: 2 },
      { event_id: DEMO_EVENT_ID, content_id: DEMO_CONTENT_IDS.fluVaccine, day, language: 'it', kind: 'useful', count: 3 },
      { event_id: DEMO_EVENT_ID, content_id: DEMO_CONTENT_IDS.screening, day, language: 'it', kind: 'not_useful', count: 1 },
    ]).execute()
    const page = await pullDocuments(server.app.db, { deviceId: device.deviceId, cursor: 0, now: new Date(), eventId: DEMO_EVENT_ID })
    expect(page.totals?.eventId).toBe(DEMO_EVENT_ID)
    expect(new Set(page.totals?.contents)).toEqual(new Set([
      { contentId: DEMO_CONTENT_IDS.fluVaccine, scans: 7, useful: 3, notUseful: 0 },
      { contentId: DEMO_CONTENT_IDS.screening, scans: 0, useful: 0, notUseful: 1 },
    ]))
    const without = await pullDocuments(server.app.db, { deviceId: device.deviceId, cursor: 0, now: new Date() })
    expect(without.totals).toBeUndefined()
  })
})
