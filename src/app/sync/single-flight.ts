/**
 * Runs `task` only if no other tab of this tablet is syncing (Web Locks): one syncer per
 * device. Returns undefined when the lock is taken. Without Web Locks (tests, old browsers)
 * an in-page flag gives the same guarantee within the page.
 */
let runningHere = false

export async function withSyncLock<T>(task: () => Promise<T>): Promise<T | undefined> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('corner-sync', { ifAvailable: true }, async (lock) => (lock ? task() : undefined))
  }
  if (runningHere) return undefined
  runningHere = true
  try {
    return await task()
  } finally {
    runningHere = false
  }
}
