import { createApp } from 'vue'
import App from './App.vue'
import './styles/main.css'
import { install as installI18n } from './modules/i18n'
import { install as installPinia } from './modules/pinia'
import { install as installRouter } from './modules/router'
import { install as installStorage } from './modules/storage'

async function start() {
  const app = createApp(App)
  installPinia(app)
  installRouter(app)
  await Promise.all([installI18n(app), installStorage()])
  app.mount('#app')
}

void start()
