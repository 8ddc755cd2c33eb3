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

  let lastCount = Number.POSITIVE_INFINITY
  let pending: ReturnType<typeof setTimeout> | undefined
  const subscription = liveQuery(() => db.outbox.count()).subscribe((count) => {
    if (count > lastCount) {
      clearTimeout(pending)
      pending = setTimeout(() => void engine.syncNow('queued'), queuedDelayMs)
    }
    lastCount = count
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
