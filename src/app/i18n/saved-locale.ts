// No imports: boot/launch.ts reads it before the framework loads, from a chunk of its own.

/** Where the tablet keeps the language chosen on it. */
export const LOCALE_STORAGE_KEY = 'corner.locale'

/** What is stored (unchecked: i18n.ts's savedLocale keeps only the app's languages). */
export function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY)
  } catch {
    // A private window may refuse storage.
    return null
  }
}
