import type { Page } from 'playwright-core'

/** Waits until the service worker is activated (not just registered) and returns its state. */
export async function waitForActiveServiceWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready
    const worker = registration.active
    if (!worker) return 'none'
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()))
    }
    return worker.state
  })
}

/** Chromium's own verdict on installability (empty list = installable). */
export async function installabilityErrors(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[]
  }
  await cdp.detach()
  return installabilityErrors.map((e) => e.errorId)
}

export async function createEvent(page: Page, name: string, locale: 'it' | 'en' = 'it'): Promise<void> {
  if (!page.url().endsWith('/events/new')) await page.getByTestId('new-event').click()
  await page.locator('#name').fill(name)
  await page.locator('#setting').selectOption('community')
  await page.locator('#occasion').selectOption('village_festival')
  await page.locator('#venue').fill('Piazza della Vittoria')
  await page.locator('#municipality').fill('Lodi')
  await page.getByLabel(locale === 'it' ? 'Genitori' : 'Parents').check()
  await page.getByTestId('create-event').click()
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

export async function counters(page: Page): Promise<{ today: string; event: string }> {
  return {
    today: (await page.getByTestId('count-today').textContent())?.trim() ?? '',
    event: (await page.getByTestId('count-event').textContent())?.trim() ?? '',
  }
}
