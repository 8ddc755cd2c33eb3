import { liveQuery } from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/app/db/db'
import { countEventContacts, recordInteraction } from '../../src/app/db/facts'
import { getDeviceId } from '../../src/app/db/meta'
import { localDay } from '../../src/shared/dates'
import { freshState } from './support'

const EVENT = '01930000-0000-7000-8000-0000000000aa'

describe('the strict writes a person waits for (db/strict-write.ts)', () => {
  beforeEach(freshState)
  afterEach(() => vi.restoreAllMocks())

  it('ask IndexedDB for a strict commit of the tap\'s three stores, on Dexie\'s own connection', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction')
    await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    expect(transaction).toHaveBeenCalledWith(['facts', 'outbox', 'counters'], 'readwrite', { durability: 'strict' })
    expect(transaction.mock.contexts).toContain(db.backendDB())
  })

  it('reopen the database when it was closed (another tab upgrading it closes ours)', async () => {
    await getDeviceId() // read once at start: the tap then reaches the write without any Dexie call that would reopen
    db.close({ disableAutoOpen: false })
    expect(db.isOpen()).toBe(false)
    await recordInteraction(EVENT, { topic: 'alcohol', groupSize: 1 })
    expect(await countEventContacts(EVENT, localDay(new Date()))).toEqual({ today: 1, total: 1 })
  })

  it('tell the live queries watching the counters, after the commit', async () => {
    const seen: number[] = []
    const subscription = liveQuery(() => countEventContacts(EVENT, localDay(new Date()))).subscribe((c) => seen.push(c.total))
    await expect.poll(() => seen).toEqual([0])
    await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    await expect.poll(() => seen).toEqual([0, 1])
    subscription.unsubscribe()
  })
})
