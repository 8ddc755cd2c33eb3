import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/app/db/db'
import { savePulledPage, saveServerDocuments } from '../../src/app/db/documents'
import { createLocalEvent, listEvents } from '../../src/app/db/events'
import { ensureDemoDocuments, getKit } from '../../src/app/db/kits'
import { getPullCursor, getSyncStatus, updateSyncStatus } from '../../src/app/db/sync-state'
import { demoContents } from '../../src/shared/demo-contents'
import { demoEvent } from '../../src/shared/demo-event'
import { demoKit } from '../../src/shared/demo-kit'
import { templateSurveys } from '../../src/shared/survey-templates'
import { freshState } from './support'

const newEvent = (name: string, startDate: string) => ({
  kitId: demoKit.id, name, setting: 'community' as const, occasion: 'fair' as const, venue: 'Fiera', municipality: 'Lodi',
  startDate, endDate: startDate, targetGroups: [],
})

describe('documents on the tablet', () => {
  beforeEach(freshState)
  afterEach(() => vi.restoreAllMocks())

  it('creates an offline event with its outbox entry, or neither when the queue cannot be written', async () => {
    const event = await createLocalEvent(newEvent('Fiera', '2026-11-26'))
    expect(event).toMatchObject({ version: 0, status: 'open', origin: 'device' })
    expect(await db.outbox.toArray()).toEqual([{ recordId: event.id, store: 'events', queuedAt: event.createdAt }])
    vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))
    await expect(createLocalEvent(newEvent('Sagra', '2026-12-01'))).rejects.toThrow()
    expect((await listEvents()).map((e) => e.name)).toEqual(['Fiera'])
  })

  it('lists events by start date, most recent first', async () => {
    for (const [name, day] of [['b', '2026-05-01'], ['c', '2026-12-01'], ['a', '2026-01-01']] as const) await createLocalEvent(newEvent(name, day))
    expect((await listEvents()).map((e) => e.name)).toEqual(['c', 'b', 'a'])
  })

  it('seeds the demo documents once, and never brings back what the tablet has since replaced', async () => {
    await ensureDemoDocuments()
    expect(await getKit(demoKit.id)).toEqual(demoKit)
    expect(await db.surveys.count()).toBe(templateSurveys.length)
    expect(await db.contents.count()).toBe(demoContents.length)
    expect(await db.events.count()).toBe(1)
    const newerKit = { ...demoKit, version: demoKit.version + 5, name: 'Kit aggiornato' }
    await db.kits.put(newerKit)
    await db.events.clear()
    await ensureDemoDocuments()
    expect(await getKit(demoKit.id)).toEqual(newerKit)
    expect(await db.events.count()).toBe(0)
    // An older kit (left by a previous app version) is brought up to the shipped one.
    await db.kits.put({ ...demoKit, version: demoKit.version - 1 })
    await ensureDemoDocuments()
    expect(await getKit(demoKit.id)).toEqual(demoKit)
    expect(await db.events.count()).toBe(0)
  })

  it('gives a tablet from before surveys its templates, and rolls back no newer kit, survey or content it pulled', async () => {
    // An earlier app version: the kit and the flag, no templates; the server has since sent a newer kit and content.
    const newerKit = { ...demoKit, version: demoKit.version + 5, name: 'Kit aggiornato' }
    const editedContent = { ...demoContents[0]!, version: demoContents[0]!.version + 3 }
    await db.kits.put(newerKit)
    await db.contents.put(editedContent)
    await db.meta.put({ key: 'demoSeeded', value: true })
    await ensureDemoDocuments()
    expect(await getKit(demoKit.id)).toEqual(newerKit)
    expect(await db.surveys.count()).toBe(templateSurveys.length)
    expect(await db.contents.get(editedContent.id)).toEqual(editedContent)
    expect(await db.events.count()).toBe(0)
    // An app update ships a newer kit: it comes in, and a survey the server changed stays.
    const editedSurvey = { ...templateSurveys[0]!, version: templateSurveys[0]!.version + 2 }
    await db.surveys.put(editedSurvey)
    await db.kits.put({ ...demoKit, version: demoKit.version - 1 })
    await ensureDemoDocuments()
    expect(await getKit(demoKit.id)).toEqual(demoKit)
    expect(await db.surveys.get(editedSurvey.id)).toEqual(editedSurvey)
  })

  it('keeps a newer local copy of a survey or content over an older pulled one, and takes a newer one', async () => {
    const [survey] = templateSurveys
    const [content] = demoContents
    await db.surveys.put({ ...survey!, version: 5 })
    await db.contents.put({ ...content!, version: 5 })
    await saveServerDocuments({ kits: [], events: [], surveys: [{ ...survey!, version: 4 }], contents: [{ ...content!, version: 4 }] })
    expect((await db.surveys.get(survey!.id))?.version).toBe(5)
    expect((await db.contents.get(content!.id))?.version).toBe(5)
    await saveServerDocuments({ kits: [], events: [], surveys: [{ ...survey!, version: 6 }], contents: [{ ...content!, version: 6 }] })
    expect((await db.surveys.get(survey!.id))?.version).toBe(6)
    expect((await db.contents.get(content!.id))?.version).toBe(6)
  })

  it('lets the server own an offline event once pulled, but never goes back to an older server copy', async () => {
    const local = await createLocalEvent(newEvent('Fiera', '2026-11-26'))
    const { origin: _origin, ...pulled } = { ...local, version: 3, name: 'Fiera (server)' }
    await saveServerDocuments({ kits: [], events: [pulled] })
    expect(await db.events.get(local.id)).toEqual({ ...pulled, origin: 'server' })
    await saveServerDocuments({ kits: [], events: [{ ...pulled, version: 2, name: 'older' }] })
    expect((await db.events.get(local.id))?.name).toBe('Fiera (server)')
    const demo = { ...demoEvent(new Date()), version: 1 }
    await saveServerDocuments({ kits: [], events: [demo] })
    expect(await db.events.get(demo.id)).toEqual({ ...demo, origin: 'server' })
    // A coordinator's later edit replaces the server copy the tablet holds.
    const edited = { ...demo, version: 2, name: 'Modificato' }
    await saveServerDocuments({ kits: [], events: [edited] })
    expect(await db.events.get(demo.id)).toEqual({ ...edited, origin: 'server' })
  })

  it('stores a pulled page and its cursor together, or neither', async () => {
    const kit = { ...demoKit, version: 9 }
    const event = { ...demoEvent(new Date()), id: '01930000-0000-7000-8000-0000000000cc', version: 10 }
    // Only this event's read fails: a live query left by another test file may read events too.
    const get = db.events.get.bind(db.events)
    const failing = vi.spyOn(db.events, 'get').mockImplementation(((key: string) => (key === event.id ? Promise.reject(new Error('disk')) : get(key))) as typeof db.events.get)
    await expect(savePulledPage({ kits: [kit], events: [event] }, { cursor: 10, model: 2 })).rejects.toThrow('disk')
    failing.mockRestore()
    expect(await getKit(demoKit.id)).toBeUndefined()
    expect(await getPullCursor(2)).toBe(0)
    await savePulledPage({ kits: [kit], events: [] }, { cursor: 10, model: 2 })
    expect(await getKit(demoKit.id)).toEqual(kit)
    expect(await getPullCursor(2)).toBe(10)
    expect(await getPullCursor(3)).toBe(0)
  })

  it('merges sync status changes, and forgets a field set to undefined', async () => {
    await updateSyncStatus({ lastAttemptAt: 'a', lastError: { code: 'server', at: 'a' } })
    expect(await updateSyncStatus({ lastSuccessAt: 'b', lastError: undefined })).toEqual({ lastAttemptAt: 'a', lastSuccessAt: 'b' })
    expect(await getSyncStatus()).toEqual({ lastAttemptAt: 'a', lastSuccessAt: 'b' })
    expect(Object.keys(await getSyncStatus())).not.toContain('lastError')
  })
})
