import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/app/db/db'
import { countEventContacts } from '../../src/app/db/facts'
import { localDay } from '../../src/shared/dates'
import { useTapStore } from '../../src/app/interactions/tap-store'
import { useStorageStore } from '../../src/app/storage/storage-store'
import { failNextWrite, freshState } from './support'

const EVENT = '01930000-0000-7000-8000-0000000000aa'

describe('the tap grid store', () => {
  beforeEach(freshState)
  afterEach(() => vi.restoreAllMocks())

  it('saves the optional attributes with the contact, then clears them for the next one', async () => {
    const store = useTapStore()
    store.attributes.ageBand = '50-69'
    store.attributes.language = 'ar'
    store.groupSize = 3
    expect(await store.tap(EVENT, 'vaccine_flu')).toBe(true)
    const [fact] = await db.facts.toArray()
    expect(fact?.payload).toEqual({ topic: 'vaccine_flu', ageBand: '50-69', language: 'ar', groupSize: 3 })
    expect(store.attributes).toEqual({})
    expect(store.groupSize).toBe(1)
    expect(store.feedback).toMatchObject({ kind: 'saved', topic: 'vaccine_flu' })
  })

  it('reports a full disk loudly and never as saved, leaving nothing half-written', async () => {
    const store = useTapStore()
    failNextWrite('counters', 'put')
    expect(await store.tap(EVENT, 'smoking')).toBe(false)
    expect(useStorageStore().writeError).toBe('quota')
    expect(store.feedback).toBeNull()
    // The fact, its outbox entry and the counter share one transaction: none was kept.
    expect(await db.facts.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.counters.count()).toBe(0)
    expect(await countEventContacts(EVENT, localDay(new Date()))).toEqual({ today: 0, total: 0 })
  })

  // Each of the tap's three writes fails in turn: the others must not survive it (promise 1-2).
  it.each(['facts', 'outbox', 'counters'] as const)('keeps nothing of a tap whose %s write fails', async (table) => {
    const store = useTapStore()
    const kept = await store.tap(EVENT, 'alcohol')
    failNextWrite(table, table === 'counters' ? 'put' : 'add')
    expect(await store.tap(EVENT, 'smoking')).toBe(false)
    expect(useStorageStore().writeError).toBe('quota')
    expect(kept).toBe(true)
    expect(await db.facts.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
    expect(await countEventContacts(EVENT, localDay(new Date()))).toEqual({ today: 1, total: 1 })
  })

  it('says when there is nothing to undo', async () => {
    const store = useTapStore()
    expect(await store.undo(EVENT)).toBe(false)
    expect(store.feedback).toMatchObject({ kind: 'nothingToUndo' })
  })
})
