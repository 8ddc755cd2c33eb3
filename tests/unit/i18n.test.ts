import { describe, expect, it } from 'vitest'
import en from '../../src/app/i18n/locales/en.json'
import it_ from '../../src/app/i18n/locales/it.json'
import ar from '../../src/app/i18n/locales/ar.json'
import { i18n, setLocale } from '../../src/app/i18n/i18n'
import { AGE_BANDS, AUDIENCES, INTERACTION_TYPES, OCCASIONS, SETTINGS, TOPICS, VISITOR_LANGUAGES } from '../../src/shared/vocabularies'

function keys(object: object, prefix = ''): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('languages', () => {
  it('has the English interface complete: the same keys as Italian', () => {
    expect(keys(en).sort()).toEqual(keys(it_).sort())
  })

  it('labels every vocabulary code in Italian', () => {
    const lists = { settings: SETTINGS, occasions: OCCASIONS, topics: TOPICS, interactionTypes: INTERACTION_TYPES, ageBands: AGE_BANDS, audiences: AUDIENCES, languages: VISITOR_LANGUAGES }
    for (const [list, codes] of Object.entries(lists)) {
      expect(Object.keys((it_.vocab as Record<string, object>)[list]!).sort()).toEqual([...codes].sort())
    }
  })

  it('gives visitor languages every topic label', () => {
    expect(Object.keys(ar.vocab.topics).sort()).toEqual([...TOPICS].sort())
  })

  it('sets lang and dir on <html>: Arabic right to left, then back', async () => {
    await setLocale('ar')
    expect(document.documentElement.lang).toBe('ar')
    expect(document.documentElement.dir).toBe('rtl')
    expect(i18n.global.t('vocab.topics.smoking')).toBe('التدخين')
    await setLocale('en')
    expect(document.documentElement.dir).toBe('ltr')
    expect(i18n.global.t('tap.undo')).toBe('Undo last')
    await setLocale('it')
  })

  it('remembers a chosen language, and not one set with remember = false', async () => {
    await setLocale('en')
    expect(localStorage.getItem('corner.locale')).toBe('en')
    await setLocale('it', false)
    expect(document.documentElement.lang).toBe('it')
    expect(localStorage.getItem('corner.locale')).toBe('en')
    await setLocale('it')
    expect(localStorage.getItem('corner.locale')).toBe('it')
  })
})
