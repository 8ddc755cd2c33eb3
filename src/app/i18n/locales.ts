/** Languages of the operator and coordinator screens. */
export const UI_LOCALES = ['it', 'en'] as const
/** Languages of the visitor-facing screens; a new one is a new file in ./locales. */
export const VISITOR_LOCALES = ['it', 'en', 'ar', 'zh', 'es'] as const
export type AppLocale = (typeof VISITOR_LOCALES)[number]

const RIGHT_TO_LEFT = new Set<string>(['ar', 'fa', 'he', 'ur'])

export function textDirection(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr'
}

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (VISITOR_LOCALES as readonly string[]).includes(value)
}
