import Dexie from 'dexie'
import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useLiveQuery } from '../../src/app/composables/useLiveQuery'
import { CornerDatabase } from '../../src/app/db/database'
import { db } from '../../src/app/db/db'
import { markKioskActive, readActiveKiosk, resetActiveKioskCache } from '../../src/app/db/active-kiosk'
import { dropEarlyEventList, readEventList, readLaunch, startEarlyEventList, takeEarlyEventList } from '../../src/app/db/early-event-list'
import { createLocalEvent, listEvents } from '../../src/app/db/events'
import { ensureDemoDocuments } from '../../src/app/db/kits'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { freshState } from './support'

const event = (name: string, startDate: string) => ({
  kitId: DEMO_KIT_ID, name, setting: 'community' as const, occasion: 'fair' as const, venue: 'Fiera',
  municipality: 'Lodi', startDate, endDate: startDate, targetGroups: [],
})

describe('the event list read before Dexie (db/early-event-list.ts)', () => {
  beforeEach(freshState)

  it('answers what listEvents answers, in the same order, from the database Dexie made', async () => {
    await ensureDemoDocuments()
    for (const [name, day] of [['A', '2026-03-01'], ['B', '2026-05-01'], ['C', '2026-03-01'], ['D', '2025-12-31']] as const) {
      await createLocalEvent(event(name, day))
    }
    const expected = await listEvents()
    expect(expected.length).toBe(5)
    expect(await readEventList(indexedDB)).toEqual(expected)
  })

  it('on a first start answers nothing and creates no database, so Dexie creates it with its schema', async () => {
    // A tablet of its own: the unit files share one worker in mutation runs, and a connection
    // another file left open to the shared database could recreate it between delete and read.
    const tablet = new IDBFactory()
    expect(await readEventList(tablet)).toBeUndefined()
    expect((await tablet.databases()).map((database) => database.name)).not.toContain('corner')
    const shared = Dexie.dependencies.indexedDB
    Dexie.dependencies.indexedDB = tablet
    const dexie = new CornerDatabase()
    Dexie.dependencies.indexedDB = shared
    try {
      await dexie.open()
      expect(dexie.verno).toBe(2)
      expect(await readEventList(tablet)).toEqual([])
    } finally {
      dexie.close()
    }
  })

  it('is taken once: a screen opened again relies on the live query alone', async () => {
    await ensureDemoDocuments()
    startEarlyEventList(indexedDB)
    // Started once: a second start (another factory, with no database) changes nothing.
    startEarlyEventList(new IDBFactory())
    const first = takeEarlyEventList()
    expect(first).toBeInstanceOf(Promise)
    expect(takeEarlyEventList()).toBeUndefined()
    expect(await first).toEqual(await listEvents())
    resetActiveKioskCache()
  })

  it('answers undefined, never an error, when the database is missing, not Dexie\'s, or cannot be opened', async () => {
    startEarlyEventList(new IDBFactory())
    expect(await takeEarlyEventList()).toBeUndefined()
    resetActiveKioskCache()
    const throwing = new IDBFactory()
    throwing.open = () => {
      throw new DOMException('The storage is not available', 'UnknownError')
    }
    expect(await readEventList(throwing)).toBeUndefined()
    const other = new IDBFactory()
    await new Promise((resolve) => {
      const request = other.open('corner', 1)
      request.onupgradeneeded = () => request.result.createObjectStore('meta')
      request.onsuccess = () => resolve(request.result.close())
    })
    expect(await readEventList(other)).toBeUndefined()
  })

  it('starts nothing where there is no IndexedDB', () => {
    vi.stubGlobal('indexedDB', undefined)
    try {
      startEarlyEventList()
      expect(takeEarlyEventList()).toBeUndefined()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it("is read once per page: the app's own copy of the module takes the read the launch script's copy handed on", async () => {
    await ensureDemoDocuments()
    dropEarlyEventList()
    // The built page runs the launch script and the app as two bundles (vite.config.ts, launchTags):
    // two copies of this module, which share only the page's global object.
    vi.resetModules()
    const launchCopy = await import('../../src/app/db/early-event-list')
    vi.resetModules()
    const appCopy = await import('../../src/app/db/early-event-list')
    expect(appCopy).not.toBe(launchCopy)
    const handed = launchCopy.handOnEarlyEventList()
    const factory = new IDBFactory()
    const open = vi.spyOn(factory, 'open')
    expect(appCopy.startEarlyEventList(factory)).toBe(handed)
    expect(open).not.toHaveBeenCalled()
    expect(await appCopy.takeEarlyEventList()).toEqual(await listEvents())
    // Taken: nothing is left on the page for a later copy.
    vi.resetModules()
    const later = await import('../../src/app/db/early-event-list')
    expect(later.startEarlyEventList(factory)).not.toBe(handed)
    expect(open).toHaveBeenCalledTimes(1)
    later.dropEarlyEventList()
    resetActiveKioskCache()
  })

  it('is dropped unused once the first screen is up, when that screen was another one', async () => {
    startEarlyEventList(indexedDB)
    dropEarlyEventList()
    expect(takeEarlyEventList()).toBeUndefined()
  })
})

describe('a live query given an early answer', () => {
  it('shows the early answer until its own first answer, then only its own', async () => {
    let answer: (value: string) => void = () => undefined
    const own = new Promise<string>((resolve) => (answer = resolve))
    const scope = effectScope()
    const query = scope.run(() => useLiveQuery(() => own, [], Promise.resolve('early')))!
    await vi.waitFor(() => expect(query.data.value).toBe('early'))
    answer('live')
    await vi.waitFor(() => expect(query.data.value).toBe('live'))
    scope.stop()
  })

  it('ignores an early answer that arrives after its own', async () => {
    let late: (value: string) => void = () => undefined
    const early = new Promise<string>((resolve) => (late = resolve))
    const scope = effectScope()
    const query = scope.run(() => useLiveQuery(async () => 'live', [], early))!
    await vi.waitFor(() => expect(query.data.value).toBe('live'))
    late('stale')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(query.data.value).toBe('live')
    scope.stop()
  })

  it('reads the running kiosk in the same launch read, which the router\'s first question then uses', async () => {
    await ensureDemoDocuments()
    expect((await readLaunch(indexedDB))?.activeKiosk).toBeUndefined()
    await markKioskActive({ eventId: 'e1', surveyId: 's1' })
    expect((await readLaunch(indexedDB))?.activeKiosk).toEqual({ eventId: 'e1', surveyId: 's1' })
    resetActiveKioskCache()
    startEarlyEventList(indexedDB)
    await takeEarlyEventList() // the launch read has answered
    // Changed behind the launch read's back: the router's first answer is what the launch read, without Dexie.
    await db.meta.put({ key: 'activeKiosk', value: { eventId: 'e2', surveyId: 's2' } })
    expect(await readActiveKiosk()).toEqual({ eventId: 'e1', surveyId: 's1' })
    resetActiveKioskCache()
    expect(await readActiveKiosk()).toEqual({ eventId: 'e2', surveyId: 's2' })
    resetActiveKioskCache()
  })
})
