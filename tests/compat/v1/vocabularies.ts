// Frozen copy of the version 1 client (see README.md): never edit.
/**
 * Controlled vocabularies from the product brief. Only codes live here: every label a
 * person reads comes from the locale files (`vocab.<list>.<code>`), so a new language
 * is a new locale file and nothing else.
 */
export const SETTINGS = ['school', 'workplace', 'community', 'health_service'] as const
export const OCCASIONS = [
  'conference', 'fair', 'exhibition', 'village_festival', 'open_day', 'school_event',
  'company_initiative', 'training',
] as const
export const TOPICS = [
  'screening_breast', 'screening_cervical', 'screening_colorectal',
  'vaccine_flu', 'vaccine_covid', 'vaccine_hpv', 'vaccine_pneumococcal', 'vaccine_zoster', 'vaccine_rsv',
  'smoking', 'alcohol', 'nutrition', 'physical_activity', 'gambling', 'addictions_life_skills',
  'mental_wellbeing', 'first_1000_days', 'environment_climate', 'antimicrobial_resistance',
] as const
export const INTERACTION_TYPES = ['brief_info', 'material', 'service_guidance', 'referral', 'quiz'] as const
export const AGE_BANDS = ['0-13', '14-17', '18-29', '30-49', '50-69', '70+'] as const
export const AUDIENCES = [
  'students', 'parents', 'teachers', 'workers', 'general_public', 'older_adults', 'health_professionals',
] as const
/** Languages a visitor may speak at the stand (a coarse attribute, never nationality). */
export const VISITOR_LANGUAGES = ['it', 'en', 'ar', 'zh', 'es', 'other'] as const

export type Setting = (typeof SETTINGS)[number]
export type Occasion = (typeof OCCASIONS)[number]
export type Topic = (typeof TOPICS)[number]
export type InteractionType = (typeof INTERACTION_TYPES)[number]
export type AgeBand = (typeof AGE_BANDS)[number]
export type Audience = (typeof AUDIENCES)[number]
export type VisitorLanguage = (typeof VISITOR_LANGUAGES)[number]
