import { useI18n } from 'vue-i18n'
import type { ContactDimension } from '../../../shared/aggregations'
import { UNKNOWN } from '../../../shared/aggregations'
import { AGE_BANDS, AUDIENCES, INTERACTION_TYPES, OCCASIONS, SETTINGS, TOPICS, VISITOR_LANGUAGES } from '../../../shared/vocabularies'
import { HOURS } from './chart-rows'

const VOCAB_OF: Partial<Record<ContactDimension | 'setting' | 'occasion', string>> = {
  topic: 'topics', interactionType: 'interactionTypes', ageBand: 'ageBands', audience: 'audiences', language: 'languages',
  setting: 'settings', occasion: 'occasions',
}

/** Each dimension's values in the order people read them (a vocabulary's own order). */
export const ORDER_OF: Record<ContactDimension | 'setting' | 'occasion', readonly string[]> = {
  hour: HOURS, day: [], topic: TOPICS, interactionType: INTERACTION_TYPES, ageBand: AGE_BANDS, audience: AUDIENCES,
  language: VISITOR_LANGUAGES, setting: SETTINGS, occasion: OCCASIONS,
}

/** Labels of report values: vocabulary codes in words, hours as "14:00", anything else as it is. */
export function useReportLabels() {
  const { t, te } = useI18n()
  return (dimension: ContactDimension | 'setting' | 'occasion') => (key: string): string => {
    if (key === UNKNOWN) return t('coordinator.reports.unknown')
    if (dimension === 'hour') return `${key}:00`
    const vocab = VOCAB_OF[dimension]
    // A kit's own topic has no label in the vocabulary: its code is what people typed.
    return vocab && te(`vocab.${vocab}.${key}`) ? t(`vocab.${vocab}.${key}`) : key
  }
}
