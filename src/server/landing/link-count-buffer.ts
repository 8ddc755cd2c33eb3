import type { Db } from '../db/database.table.js'
import { inTransaction } from '../db/transaction.js'
import { countLinks } from '../contents/contents-repository.js'

type Kind = 'scan' | 'useful' | 'not_useful'
export interface LinkCountKey { event_id: string; content_id: string; day: string; language: string; kind: Kind }

/**
 * Scans are counted in memory and written once a second in one transaction: a crowd scanning
 * at once costs one disk flush per second, not one per phone. What a crash can lose is under a
 * second of anonymous counts; `flush()` runs before any reader of the counts and at close.
 */
export function createLinkCountBuffer(db: Db, intervalMs = 1_000) {
  let pending = new Map<string, { key: LinkCountKey; count: number }>()
  let writing: Promise<void> = Promise.resolve()
  const flush = (): Promise<void> => {
    writing = writing.then(async () => {
      if (pending.size === 0) return
      const batch = [...pending.values()]
      pending = new Map()
      await inTransaction(db, (trx) => countLinks(trx, batch))
    })
    return writing
  }
  const timer = setInterval(() => void flush().catch(() => undefined), intervalMs)
  timer.unref()
  return {
    add(key: LinkCountKey): void {
      const id = `${key.event_id}|${key.content_id}|${key.day}|${key.language}|${key.kind}`
      const entry = pending.get(id) ?? { key, count: 0 }
      entry.count++
      pending.set(id, entry)
    },
    flush,
    async close(): Promise<void> {
      clearInterval(timer)
      await flush()
    },
  }
}

export type LinkCountBuffer = ReturnType<typeof createLinkCountBuffer>
