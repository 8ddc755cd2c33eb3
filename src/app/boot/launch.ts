import { handOnEarlyEventList } from '../db/early-event-list'
import { holdPageOutOfCache } from '../db/page-cache-guard'
import { storedLocale } from '../i18n/saved-locale'
import { addHeldLinks } from './held-links'
import { adoptServedScreen, paintLaunchScreen } from './launch-screen'

// Built on its own as one classic script, inlined in the page (vite.config.ts, launchTags).

/*
 * The first script a (re)launched tablet runs: inlined in the page, so that it runs as soon as
 * the parser meets it, with nothing to fetch (vite.config.ts, launchTags; docs/performance.md
 * "Offline relaunch"). It opens the local database and reads the event list, which it hands on
 * to the app (db/early-event-list.ts, boot/launch-handoff.ts). It takes over the events screen
 * as the app last rendered it, which the service worker serves in the page when it is still
 * true (src/sw/launch-page.ts), or else paints it from its own read (boot/launch-screen.ts),
 * and only then starts the app's script, which the browser has meanwhile fetched and
 * compiled: evaluating it earlier would hold the main thread for tens of milliseconds while
 * the read's answer waited behind it. On any page but `/`, which has no launch screen, the
 * app starts at once.
 */
// User timing marks, for bench/offline-relaunch.ts' breakdown.
performance.mark('corner:launch')
holdPageOutOfCache()
// Only the events screen, at `/`, has a launch screen: on any other page the app starts at once.
const paintable = location.pathname === '/'
const read = Promise.resolve(handOnEarlyEventList())
void read.then(() => performance.mark('corner:launch-read'))
void documentParsed()
  .then(async () => {
    if (!paintable) return
    const locale = storedLocale() ?? 'it'
    // Served in the page by the service worker, or else painted from this script's own read.
    let painted = adoptServedScreen(locale)
    if (painted) performance.mark('corner:launch-served')
    else {
      const launch = await read
      painted = !!launch && launch.activeKiosk === undefined && paintLaunchScreen(launch.launchScreen, launch.events, locale)
    }
    if (painted) performance.mark('corner:launch-screen')
    // The app's imports, fetched and parsed while the screen goes on the display (boot/held-links.ts).
    addHeldLinks('app-preloads')
    // On the display before the app's evaluation holds the main thread.
    if (painted) await nextFrame()
  })
  // Never holds the app back: without the launch screen, the app renders the screen itself.
  .catch((error: unknown) => console.error(error))
  .finally(startApp)

function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve()
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
}

/** After the browser has rendered a frame (the task after the next animation frame's). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

/**
 * The built HTML preloads the app's script instead of running it (vite.config.ts, launchTags):
 * its evaluation would hold the main thread while this read's answer waited behind it. In
 * development there is no launch script: the app's script runs as written in index.html, and
 * reads the event list itself.
 */
function startApp(): void {
  addHeldLinks('app-preloads')
  const entry = document.querySelector<HTMLLinkElement>('link[data-app-entry]')
  if (!entry) return
  const script = document.createElement('script')
  script.type = 'module'
  script.crossOrigin = ''
  script.src = entry.href
  document.head.append(script)
}
