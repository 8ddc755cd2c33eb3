import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../src/app/db/db'
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
