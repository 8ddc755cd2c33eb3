import type { PushRequest, PushResponse } from '../../shared/sync-protocol'
import { applyPushResults, countQueued, readOutboxBatch } from '../db/outbox'

export interface PushOptions {
  push: (body: PushRequest, queued: number) => Promise<PushResponse>
  limits: { facts: number; events: number; bytes: number }
  maxBatches: number
  now: () => Date
  /** Records not to send in this run (parked `unsupported` ones). */
  skip: ReadonlySet<string>
}

/**
 * Pushes the outbox, batch after batch, oldest first. Only records the server acknowledged
 * leave the queue (promises 2, 3). A record answered `unsupported` stays queued and is passed
 * over for the rest of the run, so a head of records the server cannot take yet never holds
 * back the ones behind it (promise 5). Returns the ids still queued that were sent.
 */
export async function pushOutbox({ push, limits, maxBatches, now, skip }: PushOptions): Promise<Set<string>> {
  const passedOver = new Set(skip)
  const kept = new Set<string>()
  for (let batchNo = 0; batchNo < maxBatches; batchNo++) {
    const batch = await readOutboxBatch(limits, passedOver)
    if (batch.recordIds.length === 0) break
    const response = await push({ facts: batch.facts, events: batch.events }, await countQueued())
    const outcome = await applyPushResults(batch.recordIds, response.results, now().toISOString())
    for (const id of outcome.kept) {
      passedOver.add(id)
      kept.add(id)
    }
  }
  return kept
}
