import { sameLaunchScreen, type LaunchScreen } from '../boot/launch-screen'
import { db } from './db'
import { LAUNCH_SCREEN, takeEarlyLaunchScreen } from './early-event-list'

/** What is stored now, as far as this page knows: read by the launch, then what it wrote. */
let stored: Promise<unknown> | undefined

/**
 * Keeps the events screen as rendered, for the next launch to paint (boot/launch-screen.ts).
 * A local meta row, never synced; written only when it changed (most starts render it as kept).
 */
export async function keepLaunchScreen(screen: LaunchScreen): Promise<void> {
  stored ??= takeEarlyLaunchScreen() ?? db.meta.get(LAUNCH_SCREEN).then((row) => row?.value)
  const previous = stored
  stored = Promise.resolve(screen)
  if (sameLaunchScreen(await previous, screen)) return
  await db.meta.put({ key: LAUNCH_SCREEN, value: screen })
}

/** Forgets what this page knows (tests delete the database between cases). */
export function resetLaunchScreenCache(): void {
  stored = undefined
  void takeEarlyLaunchScreen()
}
