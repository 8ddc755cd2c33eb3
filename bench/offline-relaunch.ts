// Browser relaunched offline → app interactive, on the same on-disk profile, servers gone,
// next to the floor (bench/support/relaunch-floor.ts: a minimal service-worker page that
// opens IndexedDB and renders one record) relaunched the same way, alternately, in one run.
// "Interactive" = the first event link (the floor: its one record link) is in the DOM, timed
// from the navigation start of the relaunched browser's page (performance.timeOrigin).
// Run: npm run build && npx tsx bench/offline-relaunch.ts   (RUNS=30 for a steadier p95)
// COOP_FLOOR=1 also relaunches the floor served with the app's Cross-Origin-Opener-Policy: the
// relaunched tab starts on about:blank, and that header makes Chromium move the page to a new
// renderer process, a cost the bare floor does not pay (docs/performance.md, "Offline relaunch").
// COMPARE=<folder> also relaunches another build (a folder holding its `dist/` and `dist-server/`,
// e.g. a copy taken before a change), alternately with this one, so that both see the same load.
import type { BrowserContext } from 'playwright-core'
import { AppServer } from '../tests/e2e/support/app-server'
import { createEvent, waitForActiveServiceWorker } from '../tests/e2e/support/app-page'
import { Tablet } from '../tests/e2e/support/browser'
import { ms, percentile } from './stats'
import { FloorServer } from './support/relaunch-floor'

const RUNS = Number(process.env.RUNS ?? 15)
const server = new AppServer()
const floor = new FloorServer()
const coopFloor = process.env.COOP_FLOOR === '1' ? new FloorServer({ 'cross-origin-opener-policy': 'same-origin' }) : undefined
const compare = process.env.COMPARE ? new AppServer(process.env.COMPARE) : undefined
const tablet = new Tablet()
// The app's own list, once Vue has mounted (it sets data-v-app on its root): "interactive" may
// come earlier, from the launch screen the launch script paints (src/app/boot/launch-screen.ts).
const APP_UP = '#app[data-v-app] .event-link'

// Also notes, for the breakdown: the navigation answered (by the service worker), the scripts
// fetched before the first render, the first IndexedDB open to succeed, and the first element
// rendered into #app.
const markInteractive = (selector: string, upSelector?: string) => `
  const open = IDBFactory.prototype.open
  IDBFactory.prototype.open = function (...args) {
    const request = open.apply(this, args)
    request.addEventListener('success', () => (window.__idbOpenAt ??= performance.now()))
    return request
  }
  new MutationObserver((_, observer) => {
    const app = document.getElementById('app')
    if (app && app.firstElementChild && window.__renderedAt === undefined) window.__renderedAt = performance.now()
    if (window.__interactiveAt === undefined && document.querySelector(${JSON.stringify(selector)})) {
      window.__interactiveAt = performance.now()
      const before = (window.__renderedAt ?? window.__interactiveAt)
      const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.startTime < before)
      window.__breakdown = {
        navigation: performance.getEntriesByType('navigation')[0]?.responseEnd ?? NaN,
        // None when the list came with the page (served by the service worker).
        scripts: scripts.length ? Math.max(...scripts.map((e) => e.responseEnd)) : undefined,
        idbOpen: window.__idbOpenAt,
        rendered: window.__renderedAt,
        launch: performance.getEntriesByName('corner:launch')[0]?.startTime,
        // Builds before the launch script was inlined fetched it as a file of its own.
        launchFetched: performance.getEntriesByType('resource').find((e) => e.name.includes('/launch-'))?.responseEnd,
        launchRead: performance.getEntriesByName('corner:launch-read')[0]?.startTime,
        painted: performance.getEntriesByName('corner:launch-screen')[0]?.startTime,
        // The service worker served the screen in the page (src/sw/launch-page.ts).
        served: performance.getEntriesByName('corner:launch-served')[0]?.startTime,
      }
      // The frame that shows it: the next animation frame's callbacks run just before it renders.
      requestAnimationFrame(() => (window.__breakdown.frame = performance.now()))
    }
    const up = ${JSON.stringify(upSelector ?? '')}
    if (window.__interactiveAt !== undefined && (!up || document.querySelector(up))) {
      window.__breakdown.up = performance.now()
      // Steps that came after the list was in the DOM (served in the page by the service worker).
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime
      Object.assign(window.__breakdown, {
        idbOpen: window.__idbOpenAt, launch: mark('corner:launch'), launchRead: mark('corner:launch-read'),
        painted: mark('corner:launch-screen'), served: mark('corner:launch-served'),
      })
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-v-app'] })
`
type Breakdown = Record<string, number>

/** Kills the browser, relaunches it offline on the same profile and times `url` to `selector`. */
async function relaunchOffline(url: string, selector: string, breakdowns?: Breakdown[], upSelector?: string): Promise<number> {
  await tablet.kill()
  const context: BrowserContext = await tablet.launch()
  await context.setOffline(true)
  await context.addInitScript(markInteractive(selector, upSelector))
  const page = await tablet.page()
  // Not page.waitForFunction: it evaluates Playwright's injected script in the page (~15–20 ms
  // of the main thread), and that landed in the middle of the app's launch, not the floor's.
  // The page keeps its own times; this only asks whether it is done, and not before a second
  // has passed (the first evaluate in a page sets up Playwright's helpers there too).
  await page.goto(url)
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  const done = () => page.evaluate(() => {
    const breakdown = (window as unknown as { __breakdown?: { up?: number; frame?: number } }).__breakdown
    return breakdown?.up !== undefined && breakdown.frame !== undefined
  })
  for (const start = Date.now(); !(await done()); ) {
    if (Date.now() - start > 30_000) throw new Error(`${url}: not interactive within 30 s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const { at, breakdown } = await page.evaluate(() => {
    const marks = window as unknown as { __interactiveAt: number; __breakdown: Record<string, number> }
    return { at: marks.__interactiveAt, breakdown: marks.__breakdown }
  })
  breakdowns?.push(breakdown)
  return at
}

try {
  await Promise.all([server.start(), floor.start(), coopFloor?.start(), compare?.start()])
  await tablet.launch()
  const page = await tablet.page()
  for (const app of [server, compare]) {
    if (!app) continue
    await page.goto(app.url)
    await waitForActiveServiceWorker(page)
    await createEvent(page, 'Bench')
    // Back to the list, as an operator leaves the tablet: the app keeps it for the next launch.
    await page.goto(app.url)
    await page.locator('.event-link').nth(1).waitFor()
    await page.waitForTimeout(500)
  }
  for (const bare of [floor, coopFloor]) {
    if (!bare) continue
    await page.goto(bare.url)
    await page.locator('.record').waitFor()
    await waitForActiveServiceWorker(page)
  }
  await Promise.all([server.stop(), floor.stop(), coopFloor?.stop(), compare?.stop()])

  const app: number[] = []
  const bare: number[] = []
  const coop: number[] = []
  const other: number[] = []
  const breakdowns: Breakdown[] = []
  const otherBreakdowns: Breakdown[] = []
  const floorBreakdowns: Breakdown[] = []
  for (let i = 0; i < RUNS; i++) {
    app.push(await relaunchOffline(server.url, '.event-link', breakdowns, APP_UP))
    if (compare) other.push(await relaunchOffline(compare.url, '.event-link', otherBreakdowns, APP_UP))
    bare.push(await relaunchOffline(floor.url, '.record', floorBreakdowns))
    if (coopFloor) coop.push(await relaunchOffline(coopFloor.url, '.record'))
  }
  const [appP50, appP95, floorP50, floorP95] = [percentile(app, 50), percentile(app, 95), percentile(bare, 50), percentile(bare, 95)]
  console.log(`app:   browser relaunched offline → interactive (${RUNS} relaunches): p50 ${ms(appP50)}, p95 ${ms(appP95)}`)
  console.log(`floor: minimal SW page, IndexedDB, one record     (${RUNS} relaunches): p50 ${ms(floorP50)}, p95 ${ms(floorP95)}`)
  const steps = (sample: Breakdown[], p50: number) => {
    const part = (key: string) => ms(percentile(sample.map((b) => b[key] ?? Number.NaN), 50))
    const fetched = sample.some((b) => b.launchFetched !== undefined) ? `launch script received ${part('launchFetched')}, ` : 'launch script (inline) '
    return `navigation answered ${part('navigation')}, ${fetched}ran ${part('launch')}, scripts received ${part('scripts')}, IndexedDB open ${part('idbOpen')}, launch read ${part('launchRead')}, launch screen painted ${part('painted')} (${sample.filter((b) => b.painted !== undefined).length}/${sample.length}; served by the worker ${sample.filter((b) => b.served !== undefined).length}), first render into #app ${part('rendered')}, interactive ${ms(p50)}, app mounted with its list ${part('up')}`
  }
  console.log(`app, p50 of each step: ${steps(breakdowns, appP50)}`)
  console.log(`ratio app/floor: p50 ${(appP50 / floorP50).toFixed(2)}×, p95 ${(appP95 / floorP95).toFixed(2)}×  [budget p95 ≤ 1.5×]`)
  const frames = (sample: Breakdown[]) => sample.map((b) => b.frame ?? Number.NaN)
  const [appFrame50, appFrame95, floorFrame50, floorFrame95] = [percentile(frames(breakdowns), 50), percentile(frames(breakdowns), 95), percentile(frames(floorBreakdowns), 50), percentile(frames(floorBreakdowns), 95)]
  console.log(`on screen (the next animation frame after it): app p50 ${ms(appFrame50)}, p95 ${ms(appFrame95)}; floor p50 ${ms(floorFrame50)}, p95 ${ms(floorFrame95)}; ratio p50 ${(appFrame50 / floorFrame50).toFixed(2)}×, p95 ${(appFrame95 / floorFrame95).toFixed(2)}×`)
  if (compare) {
    const [otherP50, otherP95] = [percentile(other, 50), percentile(other, 95)]
    console.log(`compared build (${compare.root}): p50 ${ms(otherP50)}, p95 ${ms(otherP95)}; its ratio to the floor: p50 ${(otherP50 / floorP50).toFixed(2)}×, p95 ${(otherP95 / floorP95).toFixed(2)}×`)
    console.log(`compared build, p50 of each step: ${steps(otherBreakdowns, otherP50)}`)
    console.log(`compared build on screen (the next animation frame): p50 ${ms(percentile(frames(otherBreakdowns), 50))}, p95 ${ms(percentile(frames(otherBreakdowns), 95))}`)
    console.log(`app/compared build: p50 ${(appP50 / otherP50).toFixed(2)}×, p95 ${(appP95 / otherP95).toFixed(2)}×`)
  }
  if (coop.length) {
    const [coopP50, coopP95] = [percentile(coop, 50), percentile(coop, 95)]
    console.log(`floor with the app's Cross-Origin-Opener-Policy (${RUNS} relaunches): p50 ${ms(coopP50)}, p95 ${ms(coopP95)}; app/that floor: p50 ${(appP50 / coopP50).toFixed(2)}×, p95 ${(appP95 / coopP95).toFixed(2)}×`)
  }
} finally {
  await tablet.close()
  await Promise.all([server.dispose(), floor.stop(), coopFloor?.stop(), compare?.dispose()])
}
