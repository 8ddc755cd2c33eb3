import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'

/**
 * axe with the WCAG 2.x A/AA rules (WCAG 2.2 AA is the brief's bar) and best practices.
 * axe files text as dark as its background (1:1) under "needs review", guessing it is meant
 * to be hidden; on our screens it never is (the header's sync badge once was): counted here.
 */
export async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  const invisibleText = result.incomplete
    .filter((r) => r.id === 'color-contrast')
    .flatMap((r) => r.nodes.filter((n) => n.any.some((check) => (check.data as { messageKey?: string } | null)?.messageKey === 'equalRatio')))
  return [
    ...result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ...(invisibleText.length ? [`color-contrast (1:1, invisible text): ${invisibleText.map((n) => n.target.join(' ')).join(', ')}`] : []),
  ]
}

/** Saves a screenshot for docs/ when UPDATE_SCREENSHOTS=1 (never in a normal test run). */
export async function screenshotForDocs(page: Page, name: string, fullPage = false): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return
  mkdirSync('docs/screenshots', { recursive: true })
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage })
}
