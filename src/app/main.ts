import { createApp } from 'vue'
import App from './App.vue'
import { takeLaunchTap } from './boot/launch-screen'
import { addHeldLinks } from './boot/held-links'
import { dbOpened } from './db/db'
import { dropEarlyEventList, startEarlyEventList } from './db/early-event-list'
import { holdPageOutOfCache, releasePageCacheAfter } from './db/page-cache-guard'
import './styles/main.css'
import { install as installI18n } from './modules/i18n'
import { install as installPinia } from './modules/pinia'
import { install as installRouter } from './modules/router'
import { install as installStorage } from './modules/storage'
import { install as installSync } from './modules/sync'

// The launch script, inlined in the built page, has read the first screen's data and started
// this script once the read answered, or at once on any page but `/` (boot/launch.ts): take
// that read. Where no launch script ran (development), read now.
const earlyRead = startEarlyEventList()
// Out of the back/forward cache while the first opens and writes run (db/page-cache-guard.ts).
holdPageOutOfCache()

async function start() {
  const app = createApp(App)
  installPinia(app)
  const router = installRouter(app)
  // Storage set-up runs beside the first paint: screens read through liveQuery and update
  // when the demo kit lands, so a relaunch is interactive without waiting for it.
  releasePageCacheAfter([installStorage(), dbOpened, earlyRead ?? Promise.resolve()])
  await installI18n(app)
  // A link tapped on the launch screen (boot/launch-screen.ts), which the mount replaces.
  const tapped = takeLaunchTap()
  app.mount('#app')
  // The launch's event list serves the first screen only: once that has rendered (after the
  // first navigation and Vue's flush), drop it, so a list opened later never shows launch data.
  // The icons and manifest link wait for it too (boot/held-links.ts).
  void router.isReady().then(() => {
    setTimeout(dropEarlyEventList, 0)
    setTimeout(() => addHeldLinks('page-links'), 0)
    if (tapped) void router.push(tapped)
  })
  installSync()
}

void start()
