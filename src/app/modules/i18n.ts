import type { App } from 'vue'
import { i18n, savedLocale, setLocale } from '../i18n/i18n'

export async function install(app: App): Promise<void> {
  app.use(i18n)
  await setLocale(savedLocale() ?? 'it')
}
