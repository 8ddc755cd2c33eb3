import { describe, expect, it } from 'vitest'
import en from '../../src/app/coordinator/locales/en.json'
import it_ from '../../src/app/coordinator/locales/it.json'
import { EXPLAINED_ERROR_CODES } from '../../src/app/coordinator/error-codes'
import { loadCoordinatorMessages } from '../../src/app/coordinator/messages'
import { i18n, setLocale } from '../../src/app/i18n/i18n'

function keys(object: object, prefix = ''): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('coordinator messages', () => {
  it('has English complete: the same keys as Italian, all under `coordinator`', () => {
    expect(keys(en).sort()).toEqual(keys(it_).sort())
    expect(Object.keys(it_)).toEqual(['coordinator'])
  })

  it('has every feature folder complete in English too, all under `coordinator`', () => {
    const files = import.meta.glob<{ default: object }>('../../src/app/coordinator/*/locales/*.json', { eager: true })
    const folders = new Set(Object.keys(files).map((path) => path.replace(/\/locales\/\w+\.json$/, '')))
    for (const folder of folders) {
      const it_ = files[`${folder}/locales/it.json`]!.default
      const en = files[`${folder}/locales/en.json`]?.default
      expect(en, `${folder}: en.json`).toBeDefined()
      expect(keys(en!).sort(), folder).toEqual(keys(it_).sort())
      expect(Object.keys(it_), folder).toEqual(['coordinator'])
    }
  })

  it('explains every error code it knows, in both languages', () => {
    for (const code of EXPLAINED_ERROR_CODES) {
      expect(it_.coordinator.errors).toHaveProperty(code)
      expect(en.coordinator.errors).toHaveProperty(code)
    }
  })

  it('has no empty message', () => {
    const values = (o: object): unknown[] => Object.values(o).flatMap((v) => (v && typeof v === 'object' ? values(v as object) : [v]))
    for (const value of [...values(it_), ...values(en)]) expect(typeof value === 'string' && value.trim() !== '').toBe(true)
  })

  it('keeps its messages when the language is switched after the area loaded', async () => {
    await loadCoordinatorMessages()
    expect(i18n.global.t('coordinator.login.title')).toBe('Accesso coordinatori')
    // English loads now, with setLocaleMessage replacing the language's messages.
    await setLocale('en')
    expect(i18n.global.t('coordinator.login.title')).toBe('Coordinator login')
    expect(i18n.global.t('tap.undo')).toBe('Undo last')
    await setLocale('it')
    expect(i18n.global.t('coordinator.nav.logout')).toBe('Esci')
  })
})
