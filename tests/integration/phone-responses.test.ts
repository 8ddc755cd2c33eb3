import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE_DEVICE_ID, phoneResponsesResultSchema, phoneSurveyResponseSchema } from '../../src/shared/content-protocol.js'
import { DEMO_CONTENT_IDS } from '../../src/shared/demo-content-ids.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { trackedCode } from '../../src/shared/qr-codes.js'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids.js'
import { PROTOCOL_HEADER } from '../../src/shared/sync-protocol.js'
import { enrolNewDevice, json, login, postEmpty } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'
import { surveyResponse } from './helpers/surveys.js'

describe.each(backends)('survey responses from phones on $name', ({ name, available }) => {
  let server: TestServer
  let code: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name, { rateLimits: { phonePerCodePerMinute: 12 } })
    code = await trackedCode(DEMO_EVENT_ID, DEMO_CONTENT_IDS.screening)
  })
  afterAll(async () => server?.close())

  const send = async (responses: unknown[]) => {
    const res = await fetch(`${server.url}/api/v1/codes/${code}/responses`, { method: 'POST', headers: json, body: JSON.stringify({ responses }) })
    return { status: res.status, body: await res.json() }
  }
  const phone = (extra: Record<string, unknown> = {}) =>
    ({ ...surveyResponse(PHONE_DEVICE_ID, [{ questionId: 'satisfaction', value: 3 }], { channel: 'phone', ...extra }) })

  it.skipIf(!available)('give the phone the first survey of the event\'s kit', async () => {
    const res = await fetch(`${server.url}/api/v1/codes/${code}/survey`)
    const body = phoneSurveyResponseSchema.parse(await res.json())
    expect(body).toMatchObject({ code, eventId: DEMO_EVENT_ID, survey: { id: TEMPLATE_SURVEY_IDS.standSatisfaction, revision: 1 } })
  })

  it.skipIf(!available)('store a response once however often the phone sends it, and not as a tablet', async () => {
    const response = phone()
    const first = phoneResponsesResultSchema.parse((await send([response])).body)
    expect(first.results).toEqual([{ id: response.id, status: 'accepted' }])
    expect((await send([response])).body.results[0].status).toBe('duplicate')
    const tablet = await enrolNewDevice(server.url)
    const pull = await fetch(`${server.url}/api/v1/pull?cursor=0&eventId=${DEMO_EVENT_ID}`, { headers: { authorization: `Bearer ${tablet.token}`, [PROTOCOL_HEADER]: '2' } })
    const totals = (await pull.json()).totals
    // Phones are not tablets: no device is counted for them.
    expect(totals.devices).toBe(0)
    expect(totals.surveys.find((s: { surveyId: string }) => s.surveyId === TEMPLATE_SURVEY_IDS.standSatisfaction).responses).toBe(1)
  })

  it.skipIf(!available)('refuse what a phone may not send', async () => {
    const cases = [
      phone({ channel: 'kiosk' }),
      { ...phone(), deviceId: '01930000-0000-7000-8000-00000000abcd' },
      { ...phone(), eventId: '01930000-0000-7000-8000-00000000abce' },
      phone({ surveyId: '01930000-0000-7000-8000-00000000abcf' }),
      phone({ answers: [{ questionId: 'satisfaction', value: 9 }] }),
    ]
    const { results } = phoneResponsesResultSchema.parse((await send(cases)).body)
    expect(results.map((r) => r.status)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid'])
    expect(results.map((r) => r.reason?.split(':')[0])).toEqual(['channel', 'deviceId', 'eventId', 'surveyId', 'survey_response'])
    const cross = await fetch(`${server.url}/api/v1/codes/${code}/responses`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: JSON.stringify({ responses: [phone()] }) })
    expect(cross.status).toBe(403)
  })

  it.skipIf(!available)('are limited per code, and close with the event', async () => {
    let status = 200
    for (let i = 0; i < 15 && status !== 429; i++) status = (await send([phone()])).status
    expect(status).toBe(429)
    const other = await trackedCode(DEMO_EVENT_ID, DEMO_CONTENT_IDS.fluVaccine)
    const cookie = await login(server.url)
    expect((await postEmpty(`${server.url}/api/v1/admin/events/${DEMO_EVENT_ID}/close`, cookie)).status).toBe(200)
    expect((await fetch(`${server.url}/api/v1/codes/${other}/survey`)).status).toBe(404)
  })
})
