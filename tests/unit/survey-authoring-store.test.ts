import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { blankSurvey } from '../../src/app/coordinator/surveys/survey-draft'
import { useSurveyEditor } from '../../src/app/coordinator/surveys/survey-editor-store'
import { useCoordinatorSurveys } from '../../src/app/coordinator/surveys/surveys-store'
import { demoKit } from '../../src/shared/demo-kit'
import type { SurveyContent } from '../../src/shared/surveys'

const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const ID = '019ac2e0-3333-7222-8333-444455556666'

/** A stubbed fetch answering in turn; returns the calls made as [url, method, body]. */
function server(...answers: Response[]) {
  const calls: [string, string | undefined, unknown][] = []
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push([url, init?.method, init?.body === undefined ? undefined : JSON.parse(init.body as string)])
    return answers.shift() ?? json(500)
  }))
  return calls
}

function complete(): SurveyContent {
  const survey = blankSurvey('Cuore', ['it', 'en'])
  survey.title = { it: 'Il cuore', en: 'Your heart' }
  survey.questions[0]!.text = { it: 'Ha misurato la pressione?', en: 'Blood pressure taken?' }
  return survey
}
const detail = (revision: number, draft: SurveyContent | null, published: SurveyContent | null = null, draftVersion = 1) => ({
  id: ID, revision, draft, draftVersion,
  published: published && { ...published, id: ID, version: 7, revision, publishedAt: '2026-11-26T10:00:00.000Z' },
})

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('the survey editor', () => {
  it('saves a draft with a translation missing, but refuses to publish it, naming the text, without asking the server', async () => {
    const partial = { ...complete(), title: { it: 'Il cuore', en: ' ' } }
    const { en: _en, ...italianTitle } = partial.title
    const calls = server(json(201, detail(0, { ...partial, title: italianTitle })))
    const editor = useSurveyEditor()
    editor.startNew(partial)
    expect(await editor.publish()).toBe('problems')
    expect([editor.failure, editor.problems]).toEqual(['incomplete_translation', [{ path: 'title.en', code: 'missing_translation' }]])
    // Saved as a draft (the blank text left out), never sent for publication.
    expect(calls.map(([url, method, body]) => [method, url, body])).toEqual([['POST', '/api/v1/admin/surveys', { ...partial, title: italianTitle }]])
    expect(editor.detail?.revision).toBe(0)
  })

  it('still refuses to save a draft that is wrong in other ways, and asks the server nothing', async () => {
    const calls = server()
    const editor = useSurveyEditor()
    const survey = complete()
    editor.startNew({ ...survey, questions: [survey.questions[0]!, survey.questions[0]!] })
    expect(await editor.save()).toBe('problems')
    expect(editor.problems).toEqual([{ path: 'questions.1.id', code: 'duplicate_question_id' }])
    expect(calls).toEqual([])
  })

  it('creates the survey on its first save, then publishes the draft at the revision and draft version it read', async () => {
    const calls = server(json(201, detail(0, complete())), json(200, detail(1, null, complete(), 2)))
    const editor = useSurveyEditor()
    editor.startNew(complete())
    expect(editor.dirty).toBe(true)
    expect(await editor.publish()).toBe('published')
    expect(calls.map(([url, method]) => [method, url])).toEqual([
      ['POST', '/api/v1/admin/surveys'],
      ['POST', `/api/v1/admin/surveys/${ID}/publish`],
    ])
    expect(calls[1]![2]).toEqual({ expectedRevision: 0, expectedDraftVersion: 1 })
    expect(editor.detail?.revision).toBe(1)
    expect(editor.dirty).toBe(false)
    expect(editor.publishable).toBe(false)
  })

  it('saves at the draft version it opened, and keeps the copy on screen when someone saved in between', async () => {
    const calls = server(
      json(200, detail(1, complete(), complete(), 4)),
      json(409, { code: 'draft_conflict', message: 'The survey changed since it was opened (draft 5, not 4)' }),
    )
    const editor = useSurveyEditor()
    await editor.open(ID)
    editor.draft.name = 'Cuore 2'
    expect(await editor.save()).toBe('failed')
    expect(calls[1]!.slice(1)).toEqual(['PUT', { expectedDraftVersion: 4, draft: { ...complete(), name: 'Cuore 2' } }])
    expect(editor.failure).toBe('draft_conflict')
    expect([editor.draft.name, editor.dirty, editor.detail?.draftVersion]).toEqual(['Cuore 2', true, 4])
  })

  it('shows the server refusal with its paths, and a publish conflict by its code', async () => {
    server(
      json(200, detail(1, null, complete())),
      json(400, { code: 'invalid_body', message: 'no', details: [{ path: 'questions.0.options', message: 'options_not_allowed' }] }),
      json(200, detail(1, complete(), complete())),
      json(409, { code: 'revision_conflict', message: 'The survey is at revision 2' }),
    )
    const editor = useSurveyEditor()
    await editor.open(ID)
    editor.draft.name = 'Cuore 2'
    expect(await editor.save()).toBe('problems')
    expect(editor.problems).toEqual([{ path: 'questions.0.options', code: 'options_not_allowed' }])
    expect(await editor.publish()).toBe('failed')
    expect(editor.failure).toBe('revision_conflict')
  })
})

describe('the surveys list', () => {
  it('imports nothing when the file is not JSON or too big', async () => {
    const calls = server()
    const store = useCoordinatorSurveys()
    expect(await store.importFile({ size: 5, text: async () => '{"a":' })).toEqual({ ok: false, code: 'bad_json', problems: [] })
    expect(await store.importFile({ size: 600_000, text: async () => '{}' })).toMatchObject({ ok: false, code: 'body_too_large' })
    expect(calls).toEqual([])
  })

  it('passes the file to the server as it is and reports each problem it names', async () => {
    const file = { format: 'corner-survey', formatVersion: 1, survey: { ...complete(), questions: [{ id: 'q1', type: 'free_text' }] } }
    const calls = server(json(400, { code: 'invalid_body', message: 'no', details: [{ path: 'survey.questions.0.type', message: 'Invalid option' }] }))
    const result = await useCoordinatorSurveys().importFile({ size: 100, text: async () => JSON.stringify(file) })
    expect(calls[0]![2]).toEqual(file)
    expect(result).toEqual({ ok: false, code: 'invalid_body', problems: [{ path: 'survey.questions.0.type', code: 'invalid' }] })
  })

  it('attaches a survey to a kit at the version it read, after the kit’s other surveys', async () => {
    const kit = { ...demoKit, version: 3, surveyIds: ['019ac2e0-4444-7222-8333-444455556666'] }
    const calls = server(json(200, { ...kit, version: 4, surveyIds: [...kit.surveyIds, ID] }))
    const store = useCoordinatorSurveys()
    store.kits = [kit]
    expect(await store.attach(kit, ID, true)).toBeNull()
    expect(calls[0]).toMatchObject([`/api/v1/admin/kits/${kit.id}`, 'PUT', { version: 3, surveyIds: [...kit.surveyIds, ID] }])
    expect(calls[0]![2]).not.toHaveProperty('id')
    expect(store.kitsUsing(ID).map((k) => k.version)).toEqual([4])
  })

  it('detaches a survey and keeps the kit as it was when the server refuses', async () => {
    const kit = { ...demoKit, version: 4, surveyIds: [ID] }
    const calls = server(json(409, { code: 'version_conflict', message: 'moved on' }))
    const store = useCoordinatorSurveys()
    store.kits = [kit]
    expect(await store.attach(kit, ID, false)).toBe('version_conflict')
    expect(calls[0]![2]).toMatchObject({ version: 4, surveyIds: [] })
    expect(store.kitsUsing(ID)).toEqual([kit])
  })
})
