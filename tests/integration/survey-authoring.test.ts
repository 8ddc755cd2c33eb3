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
    expect((await call('PUT', `/surveys/${id}/draft`, { expectedDraftVersion: 2, draft: edited })).status).toBe(200)
    expect((await call('POST', `/surveys/${id}/publish`, { expectedRevision: 0 })).body).toMatchObject({ code: 'revision_conflict' })
    expect((await call('POST', `/surveys/${id}/publish`, { expectedRevision: 1 })).body).toMatchObject({ revision: 2 })
    expect((await call('POST', `/surveys/${id}/publish`, {})).body).toMatchObject({ code: 'nothing_to_publish' })
    const { results } = await push(server.url, tablet.token, { facts: [answer('never', 1), answer('last_year', 2), answer('last_year', 1)] })
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'invalid'])
  })

  it.skipIf(!available)('saves a draft translated in part; publishing it is refused, naming each missing text, until every text is there', async () => {
    const partial = { ...twoLanguages, title: { it: 'Solo italiano' }, questions: [{ ...twoLanguages.questions[0]!, text: { it: 'Ha misurato la pressione?' } }] }
    const created = await call('POST', '/surveys', partial)
    expect(created.status).toBe(201)
    const { id, draftVersion } = surveyDetailSchema.parse(created.body)
    expect(created.body.draft).toEqual(partial)

    const refused = await call('POST', `/surveys/${id}/publish`, { expectedRevision: 0 })
    expect(refused).toMatchObject({ status: 400, body: { code: 'incomplete_translation' } })
    expect(refused.body.details).toEqual([{ path: 'title.en', message: 'missing_translation' }, { path: 'questions.0.text.en', message: 'missing_translation' }])
    const after = await call('GET', `/surveys/${id}`)
    expect(after.body).toMatchObject({ revision: 0, published: null, draftVersion, draft: partial })

    // A second save, still partial, then the full translation: only the last one publishes.
    const more = { ...partial, title: { it: 'Solo italiano', en: 'Italian only' } }
    const saved = await call('PUT', `/surveys/${id}/draft`, { expectedDraftVersion: draftVersion, draft: more })
    expect(saved.status).toBe(200)
    expect((await call('POST', `/surveys/${id}/publish`, {})).body.details).toEqual([{ path: 'questions.0.text.en', message: 'missing_translation' }])
    const done = await call('PUT', `/surveys/${id}/draft`, { expectedDraftVersion: saved.body.draftVersion, draft: { ...more, questions: twoLanguages.questions } })
    expect((await call('POST', `/surveys/${id}/publish`, { expectedDraftVersion: done.body.draftVersion })).body).toMatchObject({ revision: 1, draft: null })
  })

  it.skipIf(!available)('still refuses a draft that is wrong in other ways, saving nothing', async () => {
    const before = await countSurveys()
    const { status, body } = await call('POST', '/surveys', { ...twoLanguages, title: { it: 'Il cuore', fr: 'Le cœur' }, defaultLanguage: 'de' })
    expect(status).toBe(400)
    expect(body.details).toEqual(expect.arrayContaining([{ path: 'title.fr', message: 'language_not_offered' }, { path: 'defaultLanguage', message: 'not_in_languages' }]))
    expect(await countSurveys()).toBe(before)
  })

  it.skipIf(!available)('refuses a save on a draft changed since it was opened (409), overwriting nothing', async () => {
    const { id, draftVersion: opened } = surveyDetailSchema.parse((await call('POST', '/surveys', twoLanguages)).body)
    // Two coordinators opened the same draft; the first saves.
    const first = { ...twoLanguages, name: 'Giornata del cuore (Anna)' }
    const second = { ...twoLanguages, name: 'Giornata del cuore (Marco)' }
    const saved = await call('PUT', `/surveys/${id}/draft`, { expectedDraftVersion: opened, draft: first })
    expect(saved.status).toBe(200)
    expect(saved.body.draftVersion).toBeGreaterThan(opened)
    const late = await call('PUT', `/surveys/${id}/draft`, { expectedDraftVersion: opened, draft: second })
    expect(late).toMatchObject({ status: 409, body: { code: 'draft_conflict' } })
    expect((await call('POST', `/surveys/${id}/publish`, { expectedDraftVersion: opened })).body).toMatchObject({ code: 'draft_conflict' })
    const stored = await call('GET', `/surveys/${id}`)
    expect(stored.body).toMatchObject({ revision: 0, draftVersion: saved.body.draftVersion, draft: { name: 'Giornata del cuore (Anna)' } })
    // A version from before a publication is stale too; a save without one is refused as malformed.
    await call('POST', `/surveys/${id}/publish`, {})
    expect((await call('PUT', `/surveys/${id}/draft`, { expectedDraftVersion: saved.body.draftVersion, draft: second })).status).toBe(409)
    expect((await call('PUT', `/surveys/${id}/draft`, second)).status).toBe(400)
    expect((await call('GET', `/surveys/${id}`)).body).toMatchObject({ revision: 1, draft: null, published: { name: 'Giornata del cuore (Anna)' } })
  })

  it.skipIf(!available)('lets exactly one of two saves racing from the same version through', async () => {
    const { id, draftVersion } = surveyDetailSchema.parse((await call('POST', '/surveys', twoLanguages)).body)
    const names = Array.from({ length: 4 }, (_, i) => `Salvataggio ${i}`)
    const answers = await Promise.all(names.map((name) => call('PUT', `/surveys/${id}/draft`, { expectedDraftVersion: draftVersion, draft: { ...twoLanguages, name } })))
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(names.length - 1)
    const winner = answers.find((a) => a.status === 200)!.body.draft.name
    expect((await call('GET', `/surveys/${id}`)).body.draft.name).toBe(winner)
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
