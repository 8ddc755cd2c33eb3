import type it from './locales/it.json'

type PhoneKey = keyof (typeof it)['phone']
// Plain JSON (no message syntax): a few lines a language, all bundled, since the page may be
// offline when the visitor switches language. A new language is a new file here.
const files = import.meta.glob<typeof it>('./locales/*.json', { eager: true, import: 'default' })
const texts = new Map(Object.entries(files).map(([path, m]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), m.phone]))

/** A phone-page text in the visitor's language (Italian when the language has no file). */
export function phoneText(language: string, key: PhoneKey): string {
  return texts.get(language)?.[key] ?? texts.get('it')![key]
}
