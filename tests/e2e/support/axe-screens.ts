import type { Page } from 'playwright-core'
import { violations } from './axe'

export type UiLocale = 'it' | 'en'
export interface Screen {
  path: string
  /** A selector that shows the screen is in the state under test. */
  ready: string
}

/** The app starts in the language saved on the tablet (set here as the settings screen does). */
export async function chooseLocale(page: Page, locale: UiLocale): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('corner.locale', value), locale)
}

/** Opens each screen in each language, waits for its state, runs axe; returns "locale path: violation" lines. */
export async function screenViolations(page: Page, origin: string, screens: Screen[], locales: UiLocale[] = ['it', 'en']): Promise<string[]> {
  const found: string[] = []
  for (const locale of locales) {
    await chooseLocale(page, locale)
    for (const { path, ready } of screens) {
      await page.goto(`${origin}${path}`)
      try {
        await page.waitForFunction((lang) => document.documentElement.lang === lang, locale)
        await page.locator(ready).first().waitFor()
      } catch (error) {
        const lang = await page.evaluate(() => document.documentElement.lang).catch(() => '?')
        throw new Error(`${locale} ${path}: the screen did not reach its state (lang "${lang}", waiting for ${ready})`, { cause: error })
      }
      for (const violation of await violations(page)) found.push(`${locale} ${path}: ${violation}`)
    }
  }
  return found
}
