import { useSyncStore } from '../connection/sync-store'

/** Starts syncing once the first screen is up (the engine is a lazy chunk, loaded once enrolled). */
export function install(): void {
  const start = () => useSyncStore().start()
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2_000 })
  else setTimeout(start, 500)
}
