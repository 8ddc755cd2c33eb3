import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'

const setLocale = vi.fn<(locale: string, remember?: boolean) => Promise<void>>()
vi.mock('../../src/app/i18n/i18n', () => ({ i18n: { install: () => undefined }, savedLocale: () => 'en', setLocale }))

describe('the language at start', () => {
  afterEach(() => vi.restoreAllMocks())

  it('starts in Italian when the saved language cannot load, instead of not starting, and keeps the choice', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    setLocale.mockImplementation(async (locale) => {
      if (locale !== 'it') throw new TypeError('Failed to fetch dynamically imported module')
    })
    const { install } = await import('../../src/app/modules/i18n')
    await expect(install(createApp({}))).resolves.toBeUndefined()
    // Italian for this start only: the saved choice is tried again next time.
    expect(setLocale.mock.calls).toEqual([['en'], ['it', false]])
  })
})
