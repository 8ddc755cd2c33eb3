import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids.js'
import { PROTOCOL_HEADER, pullResponseSchema } from '../../src/shared/sync-protocol.js'
import { enrolNewDevice, push } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'
import { surveyResponse } from './helpers/surveys.js'

describe.each(backends)('survey responses pushed by tablets on $name', ({ name, available }) => {
  let server: TestServer
  let tablet: { deviceId: string; token: string }
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    tablet = await enrolNewDevice(server.url)
  })
  afterAll(async () => server?.close())

  const pull = async (token = tablet.token) => {
    const res = await fetch(`${server.url}/api/v1/pull?cursor=0&eventId=${DEMO_EVENT_ID}`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: '2' } })
    return pullResponseSchema.parse(await res.json())
  }

  it.skipIf(!available)('does not let a tablet pass its survey responses off as a phone\'s', async () => {
    const tablet = await enrolNewDevice(server.url)
    const answers = [{ questionId: 'satisfaction', value: 3 }]
    const { results } = await push(server.url, tablet.token, { facts: [surveyResponse(tablet.deviceId, answers, { channel: 'phone' }), surveyResponse(tablet.deviceId, answers)] })
    expect(results.map((r) => [r.status, r.reason?.split(':')[0]])).toEqual([['invalid', 'channel'], ['accepted', undefined]])
  })

  it.skipIf(!available)('gives tablets the four shipped surveys, revision 1, in five languages', async () => {
    const { surveys, kits } = await pull()
    expect(surveys.map((s) => s.id).sort()).toEqual(Object.values(TEMPLATE_SURVEY_IDS).sort())
    expect(surveys.every((s) => s.revision === 1 && s.languages.join() === 'it,en,ar,zh,es')).toBe(true)
    expect(kits[0]?.surveyIds).toEqual(Object.values(TEMPLATE_SURVEY_IDS))
  })

  it.skipIf(!available)('stores a response once, answers a re-send as duplicate and other content as conflict', async () => {
    const response = surveyResponse(tablet.deviceId, [{ questionId: 'satisfaction', value: 3 }, { questionId: 'recommend', value: 9 }])
    expect((await push(server.url, tablet.token, { facts: [response] })).results[0]?.status).toBe('accepted')
    expect((await push(server.url, tablet.token, { facts: [response] })).results[0]?.status).toBe('duplicate')
    const changed = { ...response, payload: { ...response.payload, answers: [{ questionId: 'satisfaction', value: 1 }] } } as typeof response
    expect((await push(server.url, tablet.token, { facts: [changed] })).results[0]?.status).toBe('conflict')
    const stored = await server.app.db.selectFrom('survey_answers').select(['question_id', 'value']).where('fact_id', '=', response.id).orderBy('question_id').execute()
    expect(stored).toEqual([{ question_id: 'recommend', value: '9' }, { question_id: 'satisfaction', value: '3' }])
  })

  it.skipIf(!available)('refuses responses that do not fit the survey, each with its reason, and stores the good ones', async () => {
    const id = tablet.deviceId
    const cases: [ReturnType<typeof surveyResponse>, RegExp][] = [
      [surveyResponse(id, [{ questionId: 'satisfaction', value: 4 }]), /not an answer this question accepts/],
      [surveyResponse(id, [{ questionId: 'recommend', value: 7 }]), /satisfaction: required/],
      [surveyResponse(id, [{ questionId: 'nope', value: 1 }, { questionId: 'satisfaction', value: 1 }]), /no such question/],
      [surveyResponse(id, [{ questionId: 'satisfaction', value: 2 }], { language: 'fr' }), /language/],
      [surveyResponse(id, [{ questionId: 'satisfaction', value: 2 }], { surveyVersion: 7 }), /unknown_survey/],
      [surveyResponse(id, [{ questionId: 'satisfaction', value: 2 }], { completion: 'partial' }), /partial response has none/],
      [{ ...surveyResponse(id, [{ questionId: 'satisfaction', value: 2 }]), schemaVersion: 1 }, /exists from version 2/],
      [surveyResponse(id, [], { surveyId: TEMPLATE_SURVEY_IDS.vaccinationIntention, answers: [{ questionId: 'flu_intention', value: 5 }, { questionId: 'main_doubt', value: 'access' }] }), /hidden by the answers before it/],
    ]
    const good = surveyResponse(id, [{ questionId: 'satisfaction', value: 2 }])
    const { results } = await push(server.url, tablet.token, { facts: [...cases.map(([fact]) => fact), good] })
    cases.forEach(([, reason], i) => {
      expect(results[i]?.status, String(reason)).toBe('invalid')
      expect(results[i]?.reason, String(reason)).toMatch(reason)
    })
    expect(results.at(-1)?.status).toBe('accepted')
  })

  it.skipIf(!available)('totals each survey\'s answers across tablets, leaving out responses flagged too fast', async () => {
    const other = await enrolNewDevice(server.url)
    const survey = TEMPLATE_SURVEY_IDS.healthLiteracy
    const answer = (value: number) => [{ questionId: 'help_reading', value }]
    await push(server.url, tablet.token, { facts: [surveyResponse(tablet.deviceId, answer(1), { surveyId: survey }), surveyResponse(tablet.deviceId, answer(4), { surveyId: survey })] })
    await push(server.url, other.token, { facts: [surveyResponse(other.deviceId, answer(1), { surveyId: survey }), surveyResponse(other.deviceId, answer(5), { surveyId: survey, tooFast: true })] })
    const totals = (await pull(other.token)).totals?.surveys?.find((s) => s.surveyId === survey)
    expect(totals?.responses).toBe(3)
    expect(Object.fromEntries(totals?.answers.map((a) => [a.value, a.count]) ?? [])).toEqual({ 1: 2, 4: 1 })
  })
})
