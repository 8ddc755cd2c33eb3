import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { VISITOR_LANGUAGES, scaleLabel, visitorText } from '../../src/app/surveys/visitor-texts'

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
function keys(object: object, prefix = ''): string[] {
  return Object.entries(object).flatMap(([key, value]) => (value && typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]))
}
const languages = readdirSync('src/app/kiosk/locales').map((f) => f.replace('.json', '')).sort()

describe('visitor languages of the kiosk', () => {
  it('ships the five visitor languages, each with every kiosk text and every scale label', () => {
    expect(languages).toEqual(['ar', 'en', 'es', 'it', 'zh'])
    expect([...VISITOR_LANGUAGES]).toEqual(languages)
    const kiosk = keys(read('src/app/kiosk/locales/it.json')).sort()
    const scales = keys(read('src/shared/locales/scales.it.json')).sort()
    for (const l of languages) {
      expect(keys(read(`src/app/kiosk/locales/${l}.json`)).sort(), l).toEqual(kiosk)
      expect(keys(read(`src/shared/locales/scales.${l}.json`)).sort(), l).toEqual(scales)
    }
  })

  it('has the operator kiosk strings (PIN, exit, survey screen) in all five operator locales', () => {
    const italian = keys(read('src/app/i18n/locales/it.json').kioskOperator as object).sort()
    for (const l of languages) expect(keys(read(`src/app/i18n/locales/${l}.json`).kioskOperator as object).sort(), l).toEqual(italian)
  })

  it('answers in the language asked for, whatever the others, with placeholders filled', () => {
    expect(visitorText('ar', 'kiosk.progress', { current: 2, total: 5 })).toBe('السؤال 2 من 5')
    expect(visitorText('zh', 'kiosk.languageName')).toBe('中文（简体）')
    expect(visitorText('it', 'kiosk.languageName')).toBe('Italiano')
    expect(scaleLabel('es', 'yes_no', 'yes')).toBe('Sí')
  })
})
