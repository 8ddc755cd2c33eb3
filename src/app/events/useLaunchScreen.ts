import { watch, type Ref } from 'vue'
import { captureLaunchScreen } from '../boot/launch-screen'
import type { StoredEvent } from '../db/database'
import { keepLaunchScreen } from '../db/launch-screen'

/**
 * Keeps the events screen as rendered whenever its list does (after Vue has updated the page),
 * for the next launch to paint before the framework is up (boot/launch-screen.ts).
 */
export function useLaunchScreen(events: Readonly<Ref<readonly StoredEvent[] | undefined>>, error: Readonly<Ref<unknown>>): void {
  watch(
    [events, error],
    ([list, failed]) => {
      const root = document.getElementById('app')
      if (!list || failed || !root) return
      keepLaunchScreen(captureLaunchScreen(root, list)).catch((failure: unknown) => console.error(failure))
    },
    { flush: 'post' },
  )
}
