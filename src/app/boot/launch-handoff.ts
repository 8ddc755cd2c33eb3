// No imports (types aside): shared by the launch script and the app's own script.
import type { LaunchRead } from '../db/early-event-list'

/*
 * The built page runs the launch script (boot/launch.ts) inline, as a classic script built on
 * its own (vite.config.ts, launchTags), and the app from its own module graph: each has its own
 * copy of the modules they share. What the launch hands on to the app lives here, on the page's
 * global object, and is taken once.
 */
export interface LaunchHandoff {
  /** The launch read, started by the launch script (db/early-event-list.ts, startEarlyEventList). */
  read?: Promise<LaunchRead | undefined>
  /** The link tapped on the launch screen, for the app to follow once it is up. */
  tap?: string
  /** Stops holding taps on the launch screen (boot/launch-screen.ts). */
  stopTaps?: () => void
  /** Lets the page go into the back/forward cache again (db/page-cache-guard.ts). */
  releasePageCache?: () => void
}

const KEY = '__cornerLaunch'

export function launchHandoff(): LaunchHandoff {
  const scope = globalThis as typeof globalThis & { [KEY]?: LaunchHandoff }
  return (scope[KEY] ??= {})
}
