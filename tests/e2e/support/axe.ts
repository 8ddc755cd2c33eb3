import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'

/** axe with the WCAG 2.x A/AA rules (WCAG 2.2 AA is the brief's bar) and best practices. */
export async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** Saves a screenshot for docs/ when UPDATE_SCREENSHOTS=1 (never in a normal test run). */
export async function screenshotForDocs(page: Page, name: string, fullPage = false): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return
  mkdirSync('docs/screenshots', { recursive: true })
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage })
}
