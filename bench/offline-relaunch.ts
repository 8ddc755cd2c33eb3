// Browser relaunched offline → app interactive, on the same on-disk profile, server gone.
// "Interactive" = the event list rendered from IndexedDB with its first event link, timed from
// the navigation start of the relaunched browser's page (performance.timeOrigin).
// Run: npm run build && npx tsx bench/offline-relaunch.ts
import { AppServer } from '../tests/e2e/support/app-server'
import { createEvent, waitForActiveServiceWorker } from '../tests/e2e/support/app-page'
import { Tablet } from '../tests/e2e/support/browser'
import { ms, percentile } from './stats'

const RUNS = Number(process.env.RUNS ?? 15)
const server = new AppServer()
const tablet = new Tablet()

const MARK_INTERACTIVE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('.event-link')) {
      window.__interactiveAt = performance.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
`

try {
  await server.start()
  await tablet.launch()
  let page = await tablet.page()
  await page.goto(server.url)
  await waitForActiveServiceWorker(page)
  await createEvent(page, 'Bench')
  await server.stop()

  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    await tablet.kill()
    const context = await tablet.launch()
    await context.setOffline(true)
    await context.addInitScript(MARK_INTERACTIVE)
    page = await tablet.page()
    await page.goto(server.url)
    await page.waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined)
    times.push(await page.evaluate(() => (window as unknown as { __interactiveAt: number }).__interactiveAt))
  }
  console.log(`browser relaunched offline → interactive (${RUNS} relaunches): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}  [budget p95 ≤ 300 ms]`)
} finally {
  await tablet.close()
  await server.dispose()
}
