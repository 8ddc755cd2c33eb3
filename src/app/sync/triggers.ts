import { liveQuery } from 'dexie'
import { db } from '../db/db'
import type { SyncEngine } from './sync-engine'

/**
 * When to sync: coming online, the app becoming visible, a timer while visible, and shortly
 * after new records are queued (in any tab). Manual "sync now" goes straight to the engine.
 */
export function startSyncTriggers(engine: SyncEngine, intervalMs = 30_000, queuedDelayMs = 1_500): () => void {
  const onOnline = () => void engine.syncNow('online')
  const onVisible = () => document.visibilityState === 'visible' && void engine.syncNow('visible')
  window.addEventListener('online', onOnline)
  document.addEventListener('visibilitychange', onVisible)
  const timer = setInterval(() => document.visibilityState === 'visible' && void engine.syncNow('timer'), intervalMs)

  // The newest queued key (O(1), unlike a count): it changes when a record is queued here or
  // in another tab; emptying the queue makes it undefined.
  let newest: string | undefined
  let pending: ReturnType<typeof setTimeout> | undefined
  const subscription = liveQuery(() => db.outbox.toCollection().lastKey()).subscribe((key) => {
    // Stryker disable next-line ConditionalExpression: outbox keys are strings, and an empty outbox's lastKey() is undefined already.
    const queuedNow = typeof key === 'string' ? key : undefined
    if (queuedNow && newest !== undefined && queuedNow !== newest) {
      clearTimeout(pending)
      pending = setTimeout(() => void engine.syncNow('queued'), queuedDelayMs)
    }
    // Stryker disable next-line StringLiteral: any string marks "the queue has been read"; outbox keys are ids, never this value.
    newest = queuedNow ?? ''
  })
  void engine.syncNow('start')

  return () => {
    window.removeEventListener('online', onOnline)
    document.removeEventListener('visibilitychange', onVisible)
    clearInterval(timer)
    clearTimeout(pending)
    subscription.unsubscribe()
    engine.stop()
  }
}
