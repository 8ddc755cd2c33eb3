import Dexie from 'dexie'
import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it } from 'vitest'
import { readActiveKiosk, resetActiveKioskCache } from '../../src/app/db/active-kiosk'
import { listKitContents } from '../../src/app/db/contents'
import { CornerDatabase } from '../../src/app/db/database'
import { db } from '../../src/app/db/db'
import { getEvent } from '../../src/app/db/events'
import { ensureDemoDocuments } from '../../src/app/db/kits'
import { getSurveys } from '../../src/app/db/survey-documents'
import { listKitSurveys } from '../../src/app/db/survey-responses'
import { demoContents } from '../../src/shared/demo-contents'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { templateSurveys } from '../../src/shared/survey-templates'
import { freshState } from './support'

const MISSING = '01930000-0000-7000-8000-0000000000ff'

describe('the documents a screen reads from the tablet', () => {
  beforeEach(freshState)

  it('gives a kit its contents in the kit\'s order, leaving out retired and missing ones', async () => {
    await ensureDemoDocuments()
    const [a, b, c] = demoContents as [(typeof demoContents)[0], (typeof demoContents)[0], (typeof demoContents)[0]]
    expect(await listKitContents([c.id, MISSING, a.id, b.id])).toEqual([c, a, b])
    await db.contents.put({ ...a, retiredAt: '2026-11-26T10:00:00.000Z' })
    expect(await listKitContents([c.id, a.id, b.id])).toEqual([c, b])
  })

  it('gives the surveys asked for, once each, in the order asked, leaving out missing ones', async () => {
    await ensureDemoDocuments()
    const [first, second] = templateSurveys as [(typeof templateSurveys)[0], (typeof templateSurveys)[0]]
    expect(await getSurveys([second.id, MISSING, first.id, second.id])).toEqual([second, first])
    expect(await listKitSurveys([second.id, MISSING, first.id])).toEqual([second, first])
    expect(await getSurveys([])).toEqual([])
  })

  it('keeps the first-start demo event as the server\'s copy, never queued as this tablet\'s', async () => {
    await ensureDemoDocuments()
    expect((await getEvent(DEMO_EVENT_ID))?.origin).toBe('server')
  })

  it('runs no kiosk from a stored value without both ids as text', async () => {
    for (const value of [{ eventId: 'e1', surveyId: 5 }, { eventId: 5, surveyId: 's1' }, { eventId: 'e1' }]) {
      await db.meta.put({ key: 'activeKiosk', value })
      resetActiveKioskCache()
      expect(await readActiveKiosk()).toBeNull()
    }
    resetActiveKioskCache()
  })
})

describe('the tablet database a first start creates', () => {
  it('has the stores, keys and indexes the data layer reads by, and strict durability', async () => {
    // A database of its own, on a factory of its own: the shared one stays untouched.
    const shared = Dexie.dependencies.indexedDB
    Dexie.dependencies.indexedDB = new IDBFactory()
    const fresh = new CornerDatabase()
    Dexie.dependencies.indexedDB = shared
    try {
      await fresh.open()
      const schema = Object.fromEntries(fresh.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)]]))
      expect(schema).toEqual({
        facts: ['id', '[eventId+kind]'],
        events: ['id', 'startDate'],
        kits: ['id'],
        outbox: ['recordId'],
        rejected: ['recordId', 'rejectedAt'],
        counters: ['[eventId+day]'],
        meta: ['key'],
        surveys: ['id'],
        contents: ['id'],
      })
      // Promise 1: a committed write is flushed to disk (Chromium reads this option).
      expect(fresh._options).toMatchObject({ chromeTransactionDurability: 'strict', cache: 'disabled' })
    } finally {
      fresh.close()
    }
  })
})
