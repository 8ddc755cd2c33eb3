import { createI18n } from 'vue-i18n'
import it from './locales/it.json'
import { datetimeFormats, numberFormats } from './formats'
import { isAppLocale, textDirection, type AppLocale } from './locales'
import { LOCALE_STORAGE_KEY, storedLocale } from './saved-locale'

type Messages = typeof it
const loaders = import.meta.glob<{ default: Messages }>(['./locales/*.json', '!./locales/it.json'])

/** Italian is bundled (the default and the fallback); other languages load on demand. */
export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: 'it',
  fallbackLocale: 'it',
  messages: { it } as Record<AppLocale, Messages>,
  datetimeFormats,
  numberFormats,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
})

/** Loads a language's messages without switching to it (visitor texts shown beside the operator's). */
export async function loadLocaleMessages(locale: AppLocale): Promise<void> {
  if (i18n.global.availableLocales.includes(locale)) return
  const load = loaders[`./locales/${locale}.json`]
  if (load) i18n.global.setLocaleMessage(locale, (await load()).default)
}

/**
 * Switches the language, and `lang`/`dir` on <html> with it (Arabic reads right to left);
 * remembered on this tablet unless `remember` is false (a fallback, not a choice).
 */
export async function setLocale(locale: AppLocale, remember = true): Promise<void> {
  await loadLocaleMessages(locale)
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  document.documentElement.dir = textDirection(locale)
  if (!remember) return
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // A private window may refuse storage; the choice then lasts for this visit only.
  }
}

/** The language chosen earlier on this tablet, if any. */
export function savedLocale(): AppLocale | undefined {
  const value = storedLocale()
  return isAppLocale(value) ? value : undefined
}
