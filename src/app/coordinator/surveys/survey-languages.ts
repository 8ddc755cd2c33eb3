import { useI18n } from 'vue-i18n'
import { VISITOR_LANGUAGES } from '../../../shared/vocabularies'

/** Languages a coordinator can tick for a survey: the visitor languages (the survey's own ones too, if imported). */
export function offeredLanguages(current: readonly string[]): string[] {
  const known = VISITOR_LANGUAGES.filter((lang) => lang !== 'other') as string[]
  return [...known, ...current.filter((lang) => !known.includes(lang))]
}

/** A language's name in the coordinator's language; one the area has no name for (an imported file's) reads as its code. */
export function useLanguageName() {
  const { t, te } = useI18n()
  return (lang: string) => (te(`coordinator.surveys.languageNames.${lang}`) ? t(`coordinator.surveys.languageNames.${lang}`) : lang)
}
