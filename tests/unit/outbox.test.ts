import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../src/app/db/db'
import { createLocalEvent } from '../../src/app/db/events'
import { recordInteraction } from '../../src/app/db/facts'
import { applyPushResults, listRejected, readOutboxBatch } from '../../src/app/db/outbox'
import type { PushResult } from '../../src/shared/sync-protocol'
import { freshState } from './support'

const EVENT = '01930000-0000-7000-8000-0000000000aa'
const NOW = '2026-11-26T10:00:00.000Z'
const limits = { facts: 500, events: 50, bytes: 1_000_000 }
const queued = () => db.outbox.toCollection().primaryKeys()

async function tap(): Promise<string> {
  return (await recordInteraction(EVENT, { topic: 'smoking', groupSize: 1 })).id
}

describe('applying the server answer to the outbox (reliability promise 3)', () => {
  beforeEach(freshState)

  it('keeps queued the ids of the batch the answer leaves out, and says which', async () => {
    const ids = [await tap(), await tap(), await tap(), await tap()]
    const batch = await readOutboxBatch(limits)
    expect(batch.recordIds).toEqual(ids)
    const [a, b, c, d] = ids as [string, string, string, string]
    const results: PushResult[] = [{ id: b, status: 'accepted' }, { id: d, status: 'invalid', reason: 'payload: bad' }]
    const outcome = await applyPushResults(batch.recordIds, results, NOW)
    expect(outcome).toEqual({ acknowledged: 1, rejected: 1, kept: [a, c] })
    expect(await queued()).toEqual([a, c])
    expect((await listRejected()).map((r) => r.recordId)).toEqual([d])
  })

  it('ignores answers about ids outside the batch: a fact written during the push stays queued', async () => {
    const sent = await tap()
    const batch = await readOutboxBatch(limits)
    const writtenDuringPush = await tap()
    const results: PushResult[] = [
      { id: sent, status: 'duplicate' },
      { id: writtenDuringPush, status: 'accepted' },
      { id: '01930000-0000-7000-8000-0000000000ff', status: 'accepted' },
    ]
    expect(await applyPushResults(batch.recordIds, results, NOW)).toEqual({ acknowledged: 1, rejected: 0, kept: [] })
    expect(await queued()).toEqual([writtenDuringPush])
    // An id of the batch no longer queued (another tab's sync took it): nothing to remove.
    await db.outbox.clear()
    expect(await applyPushResults([sent], [{ id: sent, status: 'accepted' }], NOW)).toEqual({ acknowledged: 0, rejected: 0, kept: [] })
  })

  it('lists refused records newest first, each with its reason (the sync screen)', async () => {
    const [first, second] = [await tap(), await tap()]
    // Refused in the other order than written: newest refusal first, whatever the ids' order.
    await applyPushResults([second], [{ id: second, status: 'conflict' }], '2026-11-26T10:00:00.000Z')
    await applyPushResults([first], [{ id: first, status: 'invalid', reason: 'payload: bad' }], '2026-11-26T11:00:00.000Z')
    expect(await listRejected()).toEqual([
      { recordId: first, store: 'facts', status: 'invalid', reason: 'payload: bad', rejectedAt: '2026-11-26T11:00:00.000Z' },
      { recordId: second, store: 'facts', status: 'conflict', reason: 'conflict', rejectedAt: '2026-11-26T10:00:00.000Z' },
    ])
  })

  it('keeps the whole batch queued on an empty answer, and unsupported ones too', async () => {
    const ids = [await tap(), await tap()]
    const batch = await readOutboxBatch(limits)
    expect(await applyPushResults(batch.recordIds, [], NOW)).toEqual({ acknowledged: 0, rejected: 0, kept: ids })
    const unsupported: PushResult[] = ids.map((id) => ({ id, status: 'unsupported', reason: 'unknown_kind x' }))
    expect(await applyPushResults(batch.recordIds, unsupported, NOW)).toEqual({ acknowledged: 0, rejected: 0, kept: ids })
    expect(await queued()).toEqual(ids)
    expect(await listRejected()).toEqual([])
  })
})

describe('reading the next batch from the outbox', () => {
  beforeEach(freshState)

  it('fills a batch up to the byte limit exactly, oldest first, without local-only fields', async () => {
    const ids = [await tap(), await tap(), await tap(), await tap()]
    const synced = (await db.facts.bulkGet(ids)).map((f) => {
      const { day: _day, ...fact } = f!
      return fact
    })
    // The batch's own envelope counts 32 bytes, each record its JSON and a comma.
    const sizeOf = (n: number) => 32 + synced.slice(0, n).reduce((sum, f) => sum + JSON.stringify(f).length + 1, 0)
    const exact = await readOutboxBatch({ ...limits, bytes: sizeOf(3) })
    expect(exact.recordIds).toEqual(ids.slice(0, 3))
    expect(exact.facts).toEqual(synced.slice(0, 3))
    expect((await readOutboxBatch({ ...limits, bytes: sizeOf(3) - 1 })).recordIds).toEqual(ids.slice(0, 2))
    expect((await readOutboxBatch({ ...limits, bytes: sizeOf(1) - 1 })).recordIds).toEqual([])
  })

  it('sends an event created after some taps together with the taps that name it', async () => {
    const place = { kitId: 'k', setting: 'community' as const, occasion: 'fair' as const, venue: 'Fiera', municipality: 'Lodi', targetGroups: [] }
    const earlier = [await tap(), await tap()]
    const event = await createLocalEvent({ ...place, name: 'nuovo', startDate: '2026-11-26', endDate: '2026-11-26' })
    const later = (await recordInteraction(event.id, { topic: 'smoking', groupSize: 1 })).id
    const batch = await readOutboxBatch({ facts: 10, events: 2, bytes: 1_000_000 })
    expect(batch.events.map((e) => e.id)).toEqual([event.id])
    expect(batch.facts.map((f) => f.id)).toEqual([...earlier, later])
  })

  it('takes at most the count limits of facts and events, events first, and passes over the skipped ones', async () => {
    const place = { kitId: 'k', setting: 'community' as const, occasion: 'fair' as const, venue: 'Fiera', municipality: 'Lodi', targetGroups: [] }
    const events = [
      (await createLocalEvent({ ...place, name: 'a', startDate: '2026-11-26', endDate: '2026-11-26' })).id,
      (await createLocalEvent({ ...place, name: 'b', startDate: '2026-11-27', endDate: '2026-11-27' })).id,
    ]
    const taps = [await tap(), await tap(), await tap()]
    // The oldest facts + events entries are read, then each kind is cut to its own limit.
    const batch = await readOutboxBatch({ facts: 2, events: 1, bytes: 1_000_000 })
    expect(batch.events.map((e) => e.id)).toEqual([events[0]])
    expect(batch.events[0]).not.toHaveProperty('origin')
    expect(batch.facts.map((f) => f.id)).toEqual([taps[0]])
    expect(batch.recordIds).toEqual([events[0], taps[0]])
    const firstEvent = JSON.stringify(batch.events[0]).length + 1
    expect((await readOutboxBatch({ facts: 2, events: 2, bytes: 32 + firstEvent })).recordIds).toEqual([events[0]])
    const skipping = await readOutboxBatch({ facts: 2, events: 1, bytes: 1_000_000 }, new Set([taps[0]!, events[0]!]))
    expect(skipping.recordIds).toEqual([events[1], taps[1], taps[2]])
    // An entry whose record is gone is passed over, not sent as nothing.
    await db.facts.delete(taps[1]!)
    await db.events.delete(events[1]!)
    expect((await readOutboxBatch(limits)).recordIds).toEqual([events[0], taps[0], taps[2]])
  })
})
