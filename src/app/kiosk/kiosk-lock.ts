import { onBeforeRouteLeave } from 'vue-router'

/**
 * No way out but the PIN: every navigation away from the kiosk (a link, the router, the
 * browser's or the tablet's back gesture, which vue-router sees as popstate and undoes) is
 * refused until `unlocked()` says the operator typed the PIN.
 */
export function useNavigationLock(unlocked: () => boolean): void {
  onBeforeRouteLeave(() => unlocked())
}

/** Fullscreen on the operator's tap that enters the kiosk (browsers allow it only in a user gesture). */
export async function enterFullscreen(): Promise<boolean> {
  const root = document.documentElement
  if (!root.requestFullscreen || document.fullscreenElement) return Boolean(document.fullscreenElement)
  try {
    await root.requestFullscreen({ navigationUI: 'hide' })
    return true
  } catch {
    return false
  }
}

export async function leaveFullscreen(): Promise<void> {
  if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined)
}
