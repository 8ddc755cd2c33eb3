import ar from './locales/ar.json' with { type: 'json' }
import en from './locales/en.json' with { type: 'json' }
import es from './locales/es.json' with { type: 'json' }
import it from './locales/it.json' with { type: 'json' }
import zh from './locales/zh.json' with { type: 'json' }

export type LandingTexts = typeof it
/** The landing page's languages; a new one is a new locale file here (and its texts in the contents). */
export const LANDING_TEXTS: Record<string, LandingTexts> = { it, en, ar, zh, es }
export const LANDING_LANGUAGES = Object.keys(LANDING_TEXTS)
export const LANGUAGE_NAMES: Record<string, string> = { it: 'Italiano', en: 'English', ar: 'العربية', zh: '中文', es: 'Español' }
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur'])

export const direction = (language: string) => (RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr')

/**
 * The language to show: an explicit choice (`?lang=`), else the first of the phone's
 * Accept-Language that both the page and the content offer, else the content's default.
 */
export function pickLanguage(choice: string | undefined, acceptLanguage: string | undefined, offered: readonly string[], fallback: string): string {
  const usable = offered.filter((l) => l in LANDING_TEXTS)
  if (choice && usable.includes(choice)) return choice
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1)
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 }
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q)
  return wanted.find((w) => usable.includes(w.lang))?.lang ?? (usable.includes(fallback) ? fallback : (usable[0] ?? 'it'))
}
