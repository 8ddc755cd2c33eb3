// First: its own small chunk, which starts reading the first screen's data (boot/launch.ts).
import './boot/launch'
import { createApp } from 'vue'
import App from './App.vue'
import './styles/main.css'
import { install as installI18n } from './modules/i18n'
import { install as installPinia } from './modules/pinia'
import { install as installRouter } from './modules/router'
import { install as installStorage } from './modules/storage'
import { install as installSync } from './modules/sync'

async function start() {
  const app = createApp(App)
  installPinia(app)
  installRouter(app)
  // Storage set-up runs beside the first paint: screens read through liveQuery and update
  // when the demo kit lands, so a relaunch is interactive without waiting for it.
  void installStorage()
  await installI18n(app)
  app.mount('#app')
  installSync()
}

void start()
