import { useSyncStore } from '../connection/sync-store'

/** Starts syncing once the first screen is up (the engine is a lazy chunk). */
export function install(): void {
  const start = () => void useSyncStore().start()
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2_000 })
  else setTimeout(start, 500)
}
