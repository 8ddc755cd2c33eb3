import type { App } from 'vue'
import { i18n, savedLocale, setLocale } from '../i18n/i18n'

/**
 * The tablet's language before the first screen. Italian is in the bundle; another language is
 * a chunk of its own: if that cannot load (a cache the browser evicted, a broken update), the
 * app starts in Italian rather than not at all, and the operator can choose again in settings.
 */
export async function install(app: App): Promise<void> {
  app.use(i18n)
  const locale = savedLocale() ?? 'it'
  try {
    await setLocale(locale)
  } catch (error) {
    console.error(error)
    // Not remembered: the saved choice is tried again at the next start.
    await setLocale('it', false)
  }
}
