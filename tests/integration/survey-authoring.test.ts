import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KIT_ID, demoKit } from '../../src/shared/demo-kit.js'
import { surveyDetailSchema, surveyFileSchema, type SurveyDetail } from '../../src/shared/survey-protocol.js'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids.js'
import { standSatisfaction } from '../../src/shared/survey-templates/stand-satisfaction.js'
import type { SurveyContent } from '../../src/shared/surveys.js'
import { enrolNewDevice, json, login, push } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'
import { surveyResponse } from './helpers/surveys.js'

const twoLanguages: SurveyContent = {
  name: 'Giornata del cuore',
  languages: ['it', 'en'],
  defaultLanguage: 'it',
  title: { it: 'Il cuore', en: 'Your heart' },
  questions: [{
    id: 'checked', type: 'single_choice', required: true, text: { it: 'Ha misurato la pressione?', en: 'Did you have your blood pressure taken?' },
    options: [{ value: 'today', label: { it: 'Oggi', en: 'Today' } }, { value: 'never', label: { it: 'Mai', en: 'Never' } }],
  }],
}

describe.each(backends)('survey authoring on $name', ({ name, available }) => {
  let server: TestServer
  let cookie: string
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    cookie = await login(server.url)
  })
  afterAll(async () => server?.close())

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1/admin${path}`, { method, headers: { ...json, cookie }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) })
    return { status: res.status, body: await res.json() }
  }
  const countSurveys = async () => Number((await server.app.db.selectFrom('surveys').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  it.skipIf(!available)('creates a draft tablets do not see, publishes it, and keeps old revisions valid for responses', async () => {
    const created = await call('POST', '/surveys', twoLanguages)
    expect(created.status).toBe(201)
    const id = surveyDetailSchema.parse(created.body).id
    expect((await call('POST', `/surveys/${id}/publish`, { expectedRevision: 0 })).body).toMatchObject({ revision: 1, draft: null })
    const tablet = await enrolNewDevice(server.url)
    const answer = (value: string, revision: number) => surveyResponse(tablet.deviceId, [{ questionId: 'checked', value }], { surveyId: id, surveyVersion: revision })
    expect((await push(server.url, tablet.token, { facts: [answer('today', 1)] })).results[0]?.status).toBe('accepted')

    // Revision 2 adds an option while tablets still hold revision 1.
    const edited = { ...twoLanguages, questions: [{ ...twoLanguages.questions[0]!, options: [...twoLanguages.questions[0]!.options!, { value: 'last_year', label: { it: 'L’anno scorso', en: 'Last year' } }] }] }
    expect((await call('PUT', `/surveys/${id}/draft`, edited)).status).toBe(200)
    expect((await call('POST', `/surveys/${id}/publish`, { expectedRevision: 0 })).body).toMatchObject({ code: 'revision_conflict' })
    expect((await call('POST', `/surveys/${id}/publish`, { expectedRevision: 1 })).body).toMatchObject({ revision: 2 })
    expect((await call('POST', `/surveys/${id}/publish`, {})).body).toMatchObject({ code: 'nothing_to_publish' })
    const { results } = await push(server.url, tablet.token, { facts: [answer('never', 1), answer('last_year', 2), answer('last_year', 1)] })
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'invalid'])
  })

  it.skipIf(!available)('refuses an incomplete translation with the path of each missing text, saving nothing', async () => {
    const before = await countSurveys()
    const { status, body } = await call('POST', '/surveys', { ...twoLanguages, title: { it: 'Solo italiano' } })
    expect(status).toBe(400)
    expect(body.details).toContainEqual({ path: 'title.en', message: 'missing_translation' })
    expect(await countSurveys()).toBe(before)
  })

  it.skipIf(!available)('exports a survey as a file and imports it as a new draft', async () => {
    const exported = await call('GET', `/surveys/${TEMPLATE_SURVEY_IDS.standSatisfaction}/export`)
    const file = surveyFileSchema.parse(exported.body)
    expect(file.survey).toEqual(standSatisfaction)
    const imported = await call('POST', '/surveys/import', file)
    expect(imported.status).toBe(201)
    const detail: SurveyDetail = surveyDetailSchema.parse(imported.body)
    expect(detail.id).not.toBe(TEMPLATE_SURVEY_IDS.standSatisfaction)
    expect(detail).toMatchObject({ revision: 0, published: null, draft: standSatisfaction })
  })

  it.skipIf(!available)('changes nothing for a hostile, malformed or oversize file', async () => {
    const before = await countSurveys()
    const hostile = [
      { format: 'corner-survey', formatVersion: 1, survey: { ...twoLanguages, questions: [{ ...twoLanguages.questions[0], type: 'free_text' }] } },
      { format: 'corner-survey', formatVersion: 1, survey: { ...twoLanguages, __proto__: { admin: true }, extra: 1 } },
      { format: 'corner-survey', formatVersion: 2, survey: twoLanguages },
      { format: 'corner-survey', formatVersion: 1, survey: { ...twoLanguages, questions: Array.from({ length: 21 }, (_, i) => ({ ...twoLanguages.questions[0], id: `q${i}` })) } },
    ]
    for (const file of hostile) expect((await call('POST', '/surveys/import', file)).status).toBe(400)
    expect((await call('POST', '/surveys/import', '{"format":"corner-survey", "survey": {')).body).toMatchObject({ code: 'bad_json' })
    const huge = JSON.stringify({ format: 'corner-survey', formatVersion: 1, survey: { ...twoLanguages, name: 'x'.repeat(600_000) } })
    expect((await call('POST', '/surveys/import', huge)).status).toBe(413)
    expect(await countSurveys()).toBe(before)
  })

  it.skipIf(!available)('attaches published surveys to a kit, and only those', async () => {
    const { id: _id, version: _v, ...kit } = demoKit
    const draft = surveyDetailSchema.parse((await call('POST', '/surveys', twoLanguages)).body)
    const refused = await call('PUT', `/kits/${DEMO_KIT_ID}`, { ...kit, surveyIds: [draft.id] })
    expect(refused).toMatchObject({ status: 400, body: { code: 'unknown_survey' } })
    const ok = await call('PUT', `/kits/${DEMO_KIT_ID}`, { ...kit, surveyIds: [TEMPLATE_SURVEY_IDS.healthLiteracy] })
    expect(ok.status).toBe(200)
    expect(ok.body.surveyIds).toEqual([TEMPLATE_SURVEY_IDS.healthLiteracy])
    expect((await call('PUT', `/kits/${DEMO_KIT_ID}`, { ...kit, version: 1 })).body).toMatchObject({ code: 'version_conflict' })
  })
})
