import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../src/app/db/db'
import { savePulledPage } from '../../src/app/db/documents'
import { ensureDemoDocuments } from '../../src/app/db/kits'
import { getPullCursor } from '../../src/app/db/sync-state'
import { demoContents } from '../../src/shared/demo-contents'
import { demoKit } from '../../src/shared/demo-kit'
import { templateSurveys } from '../../src/shared/survey-templates'
import { freshState } from './support'

describe('survey and content documents on the tablet', () => {
  beforeEach(freshState)

  it('has the shipped survey templates and demo contents from the first start, offline', async () => {
    await ensureDemoDocuments()
    expect((await db.surveys.toArray()).map((s) => s.id).sort()).toEqual(templateSurveys.map((s) => s.id).sort())
    expect(await db.contents.count()).toBe(demoContents.length)
    // The demo kit's surveys are all there: the kiosk works before any sync.
    for (const id of demoKit.surveyIds ?? []) expect(await db.surveys.get(id)).toBeDefined()
  })

  it('stores pulled surveys and contents with the cursor, and never replaces a newer copy with an older one', async () => {
    await ensureDemoDocuments()
    const survey = { ...templateSurveys[0]!, version: 5, revision: 2 }
    const content = { ...demoContents[0]!, version: 3 }
    await savePulledPage({ kits: [], events: [], surveys: [survey], contents: [content] }, { cursor: 5, model: 1 })
    expect(await db.surveys.get(survey.id)).toMatchObject({ version: 5, revision: 2 })
    expect(await db.contents.get(content.id)).toMatchObject({ version: 3 })
    expect(await getPullCursor(1)).toBe(5)

    await savePulledPage({ kits: [], events: [], surveys: [{ ...survey, version: 4, revision: 1 }], contents: [] }, { cursor: 6, model: 1 })
    expect(await db.surveys.get(survey.id)).toMatchObject({ version: 5, revision: 2 })
  })

  it('seeds the templates on a tablet installed before surveys existed (kit and demo event already there)', async () => {
    await ensureDemoDocuments()
    await db.surveys.clear()
    await db.contents.clear()
    await ensureDemoDocuments()
    expect(await db.surveys.count()).toBe(templateSurveys.length)
    expect(await db.contents.count()).toBe(demoContents.length)
    expect(await db.events.count()).toBe(1)
  })

  it('keeps the server copy of a template once pulled: a later first-start check does not reseed it', async () => {
    await ensureDemoDocuments()
    const survey = { ...templateSurveys[1]!, version: 9 }
    await savePulledPage({ kits: [], events: [], surveys: [survey], contents: [] }, { cursor: 9, model: 1 })
    await ensureDemoDocuments()
    expect(await db.surveys.get(survey.id)).toMatchObject({ version: 9 })
  })
})
