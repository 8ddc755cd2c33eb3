import { beforeEach, describe, expect, it } from 'vitest'
import { localDay } from '../../src/shared/dates'
import { db } from '../../src/app/db/db'
import { countEventContacts, listEventFacts, recordInteraction, undoLastInteraction } from '../../src/app/db/facts'
import { effectiveInteractions } from '../../src/shared/event-log'
import { getDeviceId, resetDeviceIdCache } from '../../src/app/db/meta'
import { factSchema } from '../../src/shared/records'
import { freshState } from './support'

const EVENT = '01930000-0000-7000-8000-0000000000aa'
const OTHER = '01930000-0000-7000-8000-0000000000bb'

describe('facts on the tablet', () => {
  beforeEach(freshState)

  it('writes each contact with its outbox entry, as a valid fact of this device', async () => {
    const fact = await recordInteraction(EVENT, { topic: 'smoking', ageBand: '18-29', groupSize: 2 })
    const { day: _day, ...synced } = fact
    expect(factSchema.parse(synced)).toEqual(synced)
    expect(fact.deviceId).toBe(await getDeviceId())
    expect(fact.day).toBe(localDay(new Date()))
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ recordId: fact.id, store: 'facts' })])
  })

  it('gives time-ordered, unique ids', async () => {
    const ids: string[] = []
    for (let i = 0; i < 50; i++) ids.push((await recordInteraction(EVENT, { topic: 'alcohol', groupSize: 1 })).id)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(50)
  })

  it('counts contacts per event and per day', async () => {
    for (let i = 0; i < 3; i++) await recordInteraction(EVENT, { topic: 'nutrition', groupSize: 1 })
    await recordInteraction(OTHER, { topic: 'nutrition', groupSize: 1 })
    const today = localDay(new Date())
    expect(await countEventContacts(EVENT, today)).toEqual({ today: 3, total: 3 })
    expect(await countEventContacts(EVENT, '2000-01-01')).toEqual({ today: 0, total: 3 })
    expect(await countEventContacts(OTHER, today)).toEqual({ today: 1, total: 1 })
  })

  it('keeps the counters equal to the facts through taps and undos, in any order', async () => {
    for (const step of ['tap', 'tap', 'undo', 'tap', 'undo', 'undo', 'undo', 'tap', 'tap', 'tap', 'undo']) {
      if (step === 'tap') await recordInteraction(EVENT, { topic: 'alcohol', groupSize: 1 })
      else await undoLastInteraction(EVENT)
      const counted = effectiveInteractions(await listEventFacts(EVENT)).length
      expect(await countEventContacts(EVENT, localDay(new Date()))).toEqual({ today: counted, total: counted })
    }
  })

  it('undoes the last contact with a void fact, one contact per undo, never below zero', async () => {
    const first = await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    const second = await recordInteraction(EVENT, { topic: 'alcohol', groupSize: 1 })
    expect((await undoLastInteraction(EVENT))?.id).toBe(second.id)
    expect((await undoLastInteraction(EVENT))?.id).toBe(first.id)
    expect(await undoLastInteraction(EVENT)).toBeUndefined()
    expect(await countEventContacts(EVENT, localDay(new Date()))).toEqual({ today: 0, total: 0 })
    const facts = await listEventFacts(EVENT)
    expect(facts.map((f) => f.kind)).toEqual(['interaction', 'interaction', 'void', 'void'])
    expect(await db.outbox.count()).toBe(4)
  })

  it('lists an event\'s facts in the order they were written, an undo among the taps (the event log export)', async () => {
    const first = await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    await recordInteraction(EVENT, { topic: 'alcohol', groupSize: 1 })
    const undo = await undoLastInteraction(EVENT)
    const third = await recordInteraction(EVENT, { topic: 'gambling', groupSize: 1 })
    const facts = await listEventFacts(EVENT)
    expect(facts.map((f) => f.kind)).toEqual(['interaction', 'interaction', 'void', 'interaction'])
    expect(facts[0]!.id).toBe(first.id)
    expect(facts[2]).toMatchObject({ payload: { targetId: undo!.id } })
    expect(facts[3]!.id).toBe(third.id)
  })

  it('never edits or deletes a fact: the undone contact is still stored', async () => {
    const tap = await recordInteraction(EVENT, { topic: 'gambling', groupSize: 1 })
    await undoLastInteraction(EVENT)
    expect(await db.facts.get(tap.id)).toEqual(tap)
  })

  it('keeps the same device id across restarts of the app', async () => {
    const id = await getDeviceId()
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: id })
    // A restart: no cached id, on a new connection to the same IndexedDB. (Not vi.resetModules:
    // in the mutation runs' shared worker, the files after this one would get a second copy of
    // every module, with a second connection that reopens the database behind their backs.)
    db.close()
    resetDeviceIdCache()
    await db.open()
    const fact = await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })
    expect(fact.deviceId).toBe(id)
    expect(await db.meta.toArray()).toEqual([{ key: 'deviceId', value: id }])
  })
})
