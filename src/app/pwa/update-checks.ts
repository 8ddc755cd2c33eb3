/** How often an open app asks the server for a new version. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000

export interface UpdateCheckOptions {
  intervalMs?: number
  online?: () => boolean
}

/**
 * Asks for a new service worker every hour while online. Browsers only check on navigation,
 * and a stand's tablet may stay on the tap screen for days, so its operator would never be
 * offered an update. The new version then waits for the operator (registerType 'prompt').
 * Offline, a check could only fail: it is skipped.
 */
export function scheduleUpdateChecks(
  registration: { readonly installing: unknown; update(): Promise<unknown> },
  { intervalMs = UPDATE_CHECK_INTERVAL_MS, online = () => navigator.onLine }: UpdateCheckOptions = {},
): () => void {
  const timer = setInterval(() => {
    if (!online() || registration.installing) return
    // A check that fails (server down, captive portal) is simply tried again next time.
    registration.update().catch(() => undefined)
  }, intervalMs)
  return () => clearInterval(timer)
}
