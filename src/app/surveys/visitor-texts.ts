import { createI18n } from 'vue-i18n'
import type { Localized } from '../../shared/surveys'
import { textDirection } from '../i18n/locales'
import type itKiosk from '../kiosk/locales/it.json'

type KioskMessages = typeof itKiosk
type ScaleFile = { scales: Record<string, Record<string, string>> }

// Visitor texts are small (about 1 KB a language) and must be there offline the moment a
// visitor taps a language, so every language is bundled with the survey screens. A new
// language is a new pair of files: src/app/kiosk/locales/xx.json and shared/locales/scales.xx.json.
const kioskFiles = import.meta.glob<KioskMessages>('../kiosk/locales/*.json', { eager: true, import: 'default' })
const scaleFiles = import.meta.glob<ScaleFile>('../../shared/locales/scales.*.json', { eager: true, import: 'default' })

const languageOf = (path: string) => path.replace(/^.*?(?:scales\.)?([a-zA-Z-]+)\.json$/, '$1')
const kioskMessages = Object.fromEntries(Object.entries(kioskFiles).map(([path, m]) => [languageOf(path), m]))
const scales = new Map(Object.entries(scaleFiles).map(([path, m]) => [languageOf(path), m.scales]))

/** Languages a visitor can read the kiosk in (their screens' texts are shipped). */
export const VISITOR_LANGUAGES: readonly string[] = Object.keys(kioskMessages).sort()

/**
 * A vue-i18n instance of its own: the visitor's language is independent of the operator's
 * (the operator's UI stays Italian while a visitor answers in Arabic), so nothing here touches
 * the app's global locale.
 */
const visitorI18n = createI18n({
  legacy: false,
  locale: 'it',
  fallbackLocale: 'it',
  messages: kioskMessages,
  missingWarn: false,
  fallbackWarn: false,
})

/** A kiosk text (`kiosk.*` in src/app/kiosk/locales) in the visitor's language. */
export function visitorText(language: string, key: string, params: Record<string, unknown> = {}): string {
  return visitorI18n.global.t(key, params, { locale: language })
}

/** The label of a point on a shipped scale (`faces_3`, `agreement`, `scale_0_10.low` …). */
export function scaleLabel(language: string, scale: string, point: string | number): string {
  return scales.get(language)?.[scale]?.[String(point)] ?? scales.get('it')?.[scale]?.[String(point)] ?? String(point)
}

/** A survey's text in the visitor's language (surveys are validated to carry every language they offer). */
export function localizedText(texts: Localized | undefined, language: string): string {
  if (!texts) return ''
  return texts[language] ?? Object.values(texts)[0] ?? ''
}

/** `lang` and `dir` for a visitor screen: direction comes from the language, never from the text. */
export function visitorLangAttrs(language: string): { lang: string; dir: 'rtl' | 'ltr' } {
  return { lang: language, dir: textDirection(language) }
}
