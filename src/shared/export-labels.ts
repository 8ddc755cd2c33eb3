import vocabEn from './locales/vocab.en.json' with { type: 'json' }
import vocabIt from './locales/vocab.it.json' with { type: 'json' }
import en from './locales/export.en.json' with { type: 'json' }
import it from './locales/export.it.json' with { type: 'json' }

export type ExportLanguage = 'it' | 'en'
export type ExportTexts = typeof it

const TEXTS: Record<ExportLanguage, ExportTexts> = { it, en }
const VOCAB = { it: vocabIt.vocab, en: vocabEn.vocab }

export function exportTexts(language: ExportLanguage): ExportTexts {
  return TEXTS[language]
}

/** A topic's label in the export's language; a kit's own topic code stays as it is. */
export function topicLabel(language: ExportLanguage): (code: string) => string {
  const topics = VOCAB[language].topics as Record<string, string>
  return (code) => topics[code] ?? code
}
