import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summarizeContacts } from '../../src/shared/aggregations.js'
import { DEMO_CONTENT_IDS } from '../../src/shared/demo-content-ids.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { trackedCode } from '../../src/shared/qr-codes.js'
import { dashboardSchema, indicatorsSchema } from '../../src/shared/report-protocol.js'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids.js'
import { milanDayAndHour } from '../../src/server/db/fact-dimensions.js'
import type { Fact } from '../../src/shared/records.js'
import { enrolNewDevice, json, login } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'
import { pushStandDay } from './helpers/fixtures.js'

describe.each(backends)('dashboard and indicators on $name', ({ name, available }) => {
  let server: TestServer
  let cookie: string
  let facts: Fact[]
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    cookie = await login(server.url)
    facts = await pushStandDay(server.url, [await enrolNewDevice(server.url), await enrolNewDevice(server.url)])
    const code = await trackedCode(DEMO_EVENT_ID, DEMO_CONTENT_IDS.fluVaccine)
    for (let i = 0; i < 3; i++) await fetch(`${server.url}/q/${code}`, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone) Safari' } })
  })
  afterAll(async () => server?.close())

  const get = async (path: string) => {
    const res = await fetch(`${server.url}/api/v1/admin${path}`, { headers: { cookie } })
    return { status: res.status, body: await res.json() }
  }

  it.skipIf(!available)('counts what the tablets\' own pure function counts, dimension by dimension', async () => {
    const dashboard = dashboardSchema.parse((await get(`/dashboard?eventId=${DEMO_EVENT_ID}`)).body)
    const expected = summarizeContacts(facts, milanDayAndHour)
    expect(dashboard.contacts).toBe(expected.contacts)
    expect(dashboard.contacts).toBe(76)
    expect(dashboard.people).toBe(expected.people)
    expect(dashboard.by).toEqual(expected.by)
    expect(dashboard.asOf).toEqual(expect.any(String))
  })

  it.skipIf(!available)('counts survey answers without the flagged responses, and scans per content', async () => {
    const dashboard = dashboardSchema.parse((await get(`/dashboard?eventId=${DEMO_EVENT_ID}`)).body)
    const survey = dashboard.surveys.find((s) => s.surveyId === TEMPLATE_SURVEY_IDS.standSatisfaction)
    expect(survey?.responses).toBe(6)
    expect(survey?.questions.find((q) => q.questionId === 'satisfaction')?.counts).toEqual({ 2: 2, 3: 4 })
    expect(dashboard.contents.find((c) => c.contentId === DEMO_CONTENT_IDS.fluVaccine)).toMatchObject({ scans: 3, useful: 0 })
  })

  it.skipIf(!available)('narrows by topic and period, and suppresses small cells for publication', async () => {
    const all = summarizeContacts(facts, milanDayAndHour)
    const smoking = dashboardSchema.parse((await get(`/dashboard?topic=smoking&from=2026-11-26&to=2026-11-26`)).body)
    expect(smoking.contacts).toBe(all.by.topic.smoking)
    expect(dashboardSchema.parse((await get('/dashboard?from=2027-01-01')).body).contacts).toBe(0)
    const published = dashboardSchema.parse((await get(`/dashboard?topic=smoking&suppressSmallCells=true`)).body)
    const mine = summarizeContacts(facts.filter((f) => f.kind !== 'interaction' || f.payload.topic === 'smoking'), milanDayAndHour)
    const small = Object.entries(mine.by).flatMap(([dimension, counts]) => Object.entries(counts).filter(([, n]) => n < 5).map(([value, n]) => [dimension, value, n] as const))
    expect(small.length).toBeGreaterThan(0)
    for (const [dimension, value] of small) expect(published.by[dimension as keyof typeof published.by][value]).toBe('<5')
    const large = Object.entries(mine.by.hour).filter(([, n]) => n >= 5)
    for (const [hour, n] of large) expect(published.by.hour[hour]).toBe(n)
  })

  it.skipIf(!available)('refuses a period that ends before it starts, and anonymous callers', async () => {
    expect((await get('/dashboard?from=2026-12-01&to=2026-11-01')).status).toBe(400)
    expect((await fetch(`${server.url}/api/v1/admin/dashboard`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/v1/admin/indicators`)).status).toBe(401)
  })

  it.skipIf(!available)('follows the plan\'s indicators, with targets coordinators set', async () => {
    const targets = await fetch(`${server.url}/api/v1/admin/indicator-targets`, { method: 'PUT', headers: { ...json, cookie }, body: JSON.stringify({ contentsPerMonth: 3, trainingEvents: 1 }) })
    expect(targets.status).toBe(200)
    const indicators = indicatorsSchema.parse((await get('/indicators?from=2026-10-01&to=2026-11-30')).body)
    expect(indicators.targets).toEqual({ contentsPerMonth: 3, trainingEvents: 1 })
    expect(indicators.contacts).toBe(76)
    expect(indicators.surveyResponses).toBe(6)
    expect(indicators.contentsPublished).toEqual([
      { month: '2026-10', count: 1, target: 3, met: false },
      { month: '2026-11', count: 2, target: 3, met: false },
    ])
    expect(indicators.trainingEvents).toEqual({ count: 0, target: 1, met: false })
  })
})
