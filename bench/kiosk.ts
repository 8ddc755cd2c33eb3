// Kiosk figures, in headless Chromium on an on-disk profile (prints figures; never fails on time):
// - kiosk code on the wire beyond the shell (what opening the kiosk fetches once the operator app runs);
// - kiosk opened offline → first screen, p95, next to a bare page's floor (same browser, same run);
// - answer tapped → next question on screen, p95;
// - last answer tapped → response committed (thank-you shows only after the strict commit), p95,
//   broken down from the app's User Timing marks, next to a raw strict IndexedDB put (the floor).
// Run: npm run build && npx tsx bench/kiosk.ts
import { AppServer } from '../tests/e2e/support/app-server'
import { waitForActiveServiceWorker } from '../tests/e2e/support/app-page'
import { Tablet } from '../tests/e2e/support/browser'
import { DEMO_EVENT_ID } from '../src/shared/demo-event'
import { TEMPLATE_SURVEY_IDS } from '../src/shared/survey-templates/ids'
import { ms, percentile } from './stats'

const RUNS = Number(process.env.RUNS ?? 20)
const VISITORS = Number(process.env.VISITORS ?? 60)
/** How long a visitor takes over the last question in the second pass (people take seconds). */
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 300)
const server = new AppServer()
const tablet = new Tablet()
const kioskPath = `/events/${DEMO_EVENT_ID}/kiosk?survey=${TEMPLATE_SURVEY_IDS.standSatisfaction}`

try {
  await server.start()
  const context = await tablet.launch()
  const page = await tablet.page()
  await page.goto(server.url)
  await waitForActiveServiceWorker(page)
  // Let the lazy parts of the shell (sync engine, zod) load, as they do after every start.
  await page.waitForTimeout(3_000)

  // 1. Bytes on the wire for the kiosk, opened by a client-side navigation from the running app.
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  // Bytes a first opening costs: neither the HTTP cache nor the worker's precache may answer.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.setBypassServiceWorker', { bypass: true })
  const fetched = new Map<string, { url: string; bytes: number }>()
  cdp.on('Network.responseReceived', (e: { requestId: string; response: { url: string } }) => fetched.set(e.requestId, { url: e.response.url, bytes: 0 }))
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const entry = fetched.get(e.requestId)
    if (entry) entry.bytes = e.encodedDataLength
  })
  await page.evaluate((path) => {
    history.pushState({}, '', path)
    dispatchEvent(new PopStateEvent('popstate'))
  }, kioskPath)
  await page.getByTestId('kiosk').waitFor()
  await page.waitForTimeout(1_000)
  const kioskFiles = [...fetched.values()].filter((f) => !f.url.includes('/api/'))
  const kioskBytes = kioskFiles.reduce((sum, f) => sum + f.bytes, 0)
  console.log(`kiosk code on the wire beyond the shell: ${(kioskBytes / 1024).toFixed(1)} KB in ${kioskFiles.length} files  [budget ≤ 40 KB]`)
  for (const f of kioskFiles) console.log(`  ${(f.bytes / 1024).toFixed(1)} KB  ${new URL(f.url).pathname}`)
  await cdp.detach()

  // Set a PIN through the settings form (the kiosk refuses to open without one).
  await page.goto(`${server.url}/settings`)
  await page.getByLabel('Nuovo PIN (da 4 a 8 cifre)').fill('2468')
  await page.getByLabel('Ripeta il PIN').fill('2468')
  await page.getByRole('button', { name: 'Salva il PIN' }).click()
  await page.getByTestId('pin-set').waitFor()

  // 2. Offline: kiosk opened → attract screen, and a bare page (no script) as the floor.
  await server.stop()
  await context.setOffline(true)
  // A bare page on another origin, answered by the browser's request interception (no network, no worker).
  await context.route('http://localhost:9/bare', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bare</title><p id="bare">bare</p>' }))
  const opened: number[] = []
  const bare: number[] = []
  for (let i = 0; i < RUNS + 2; i++) {
    await page.goto(`${server.url}${kioskPath}`)
    await page.locator('[data-step="attract"] [data-language]').first().waitFor()
    const t = await page.evaluate(() => performance.now())
    const b = await page
      .goto('http://localhost:9/bare')
      .then(() => page.evaluate(() => performance.now()))
      .catch(() => Number.NaN)
    if (i >= 2) {
      opened.push(t)
      if (!Number.isNaN(b)) bare.push(b)
    }
  }
  console.log(`kiosk opened offline → first screen (${RUNS} loads): p50 ${ms(percentile(opened, 50))}, p95 ${ms(percentile(opened, 95))}`)
  console.log(`bare page floor, same browser (${bare.length} loads):   p50 ${ms(percentile(bare, 50))}, p95 ${ms(percentile(bare, 95))}`)

  // 3 and 4. Visitors one after another: faces (tap → next question), then 0–10 (last answer → committed).
  await page.goto(`${server.url}${kioskPath}`)
  await page.locator('[data-language="it"]').waitFor()
  // tsx names the functions below through a helper the page does not have.
  await page.evaluate('window.__name = (f) => f')
  const visitorsRun = (settle: number) => page.evaluate(async ({ visitors, settle }) => {
    const root = document.querySelector('[data-testid="kiosk"]')!
    const until = (done: () => boolean) =>
      new Promise<void>((resolve) => {
        if (done()) return resolve()
        const observer = new MutationObserver(() => done() && (observer.disconnect(), resolve()))
        observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true })
      })
    const click = (selector: string) => root.querySelector<HTMLElement>(selector)!.click()
    const next: number[] = []
    const commit: number[] = []
    // The last answer's path, from the app's User Timing marks (src/app/perf/user-timing.ts).
    const parts: Record<string, number[]> = { tapToFinish: [], deviceId: [], transaction: [], requests: [], draftSave: [], render: [] }
    const entry = (name: string) => performance.getEntriesByName(name, 'measure').at(-1)
    for (let i = 0; i < visitors; i++) {
      click('[data-language="it"]')
      await until(() => Boolean(root.querySelector('[data-testid="kiosk-start"]')))
      click('[data-testid="kiosk-start"]')
      await until(() => root.querySelector('[data-question-type]')?.getAttribute('data-question-type') === 'faces_3')
      performance.clearMeasures()
      let start = performance.now()
      click('[role="radio"]')
      await until(() => root.querySelector('[data-question-type]')?.getAttribute('data-question-type') === 'scale_0_10')
      next.push(performance.now() - start)
      // The first answer's draft (written behind the screen change) is on disk before the last tap
      // (at most 200 ms, in case a build has no marks); then `settle` ms more. A person reads the
      // question for seconds, long enough for the reads that follow any write (live queries) to end.
      for (let waited = 0; !entry('kiosk:draft-save') && waited < 200; waited++) await new Promise((r) => setTimeout(r, 1))
      if (settle > 0) await new Promise((r) => setTimeout(r, settle))
      performance.clearMeasures()
      start = performance.now()
      click('[role="radio"]')
      await until(() => root.getAttribute('data-step') === 'thanks')
      const end = performance.now()
      commit.push(end - start)
      const finish = entry('kiosk:finish')
      if (finish) {
        parts.tapToFinish!.push(finish.startTime - start)
        parts.deviceId!.push(entry('kiosk:device-id')?.duration ?? 0)
        parts.transaction!.push(entry('kiosk:commit-transaction')?.duration ?? 0)
        parts.requests!.push(entry('kiosk:commit-requests')?.duration ?? 0)
        parts.draftSave!.push(entry('kiosk:draft-save')?.duration ?? 0)
        parts.render!.push(end - finish.startTime - finish.duration)
      }
      click('.kiosk-thanks button')
      await until(() => root.getAttribute('data-step') === 'attract')
    }
    return { next, commit, parts }
  }, { visitors: VISITORS, settle })
  const labels: Record<string, string> = {
    tapToFinish: 'tap → commit starts (event, answer, draft save issued)',
    deviceId: 'getDeviceId',
    transaction: 'commit transaction (fact + outbox + draft removal, strict; waits for any write queued on its stores)',
    requests: '  of which: its three requests done (the rest is the commit, the flush to disk and Dexie resolving)',
    draftSave: 'last answer\'s draft save (own strict transaction; 0 = not written)',
    render: 'commit resolved → thank-you on screen',
  }
  // Back to back (the last tap as soon as the first answer's draft is on disk), then as a reader taps (after SETTLE_MS).
  for (const settle of [0, SETTLE_MS]) {
    const { next, commit, parts } = await visitorsRun(settle)
    console.log(`-- last tap ${settle} ms after the first answer's draft is on disk`)
    console.log(`answer tapped → next question on screen (${next.length} taps): p50 ${ms(percentile(next, 50))}, p95 ${ms(percentile(next, 95))}  [budget p95 ≤ 50 ms]`)
    console.log(`last answer → response committed, thank-you on screen (${commit.length}): p50 ${ms(percentile(commit, 50))}, p95 ${ms(percentile(commit, 95))}  [budget p95 ≤ 10 ms]`)
    for (const [key, values] of Object.entries(parts)) {
      if (values.length) console.log(`  ${labels[key]}: p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}`)
    }
  }

  // The floor under the same load, same browser, same disk, raw IndexedDB on a scratch database:
  // one put in its own strict transaction, and the commit's three writes (fact with its index, outbox, draft removal).
  const floorRun = (settle: number) => page.evaluate(async ({ n, settle }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('bench-floor', 1)
      open.onupgradeneeded = () => {
        open.result.createObjectStore('rows', { keyPath: 'id' })
        open.result.createObjectStore('facts', { keyPath: 'id' }).createIndex('[eventId+kind]', ['eventId', 'kind'])
        open.result.createObjectStore('outbox', { keyPath: 'recordId' })
        open.result.createObjectStore('meta', { keyPath: 'key' })
      }
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const done = (tx: IDBTransaction) => new Promise((resolve, reject) => Object.assign(tx, { oncomplete: resolve, onerror: () => reject(tx.error) }))
    const one: number[] = []
    const three: number[] = []
    for (let i = 0; i < n; i++) {
      if (settle > 0) await new Promise((r) => setTimeout(r, settle))
      let start = performance.now()
      let tx = db.transaction('rows', 'readwrite', { durability: 'strict' })
      tx.objectStore('rows').put({ id: i, at: new Date().toISOString() })
      await done(tx)
      one.push(performance.now() - start)
      start = performance.now()
      tx = db.transaction(['facts', 'outbox', 'meta'], 'readwrite', { durability: 'strict' })
      const at = new Date().toISOString()
      tx.objectStore('facts').add({ id: `f${i}`, kind: 'survey_response', eventId: 'e', at, payload: { answers: [{ questionId: 'a', value: 3 }, { questionId: 'b', value: 9 }] } })
      tx.objectStore('outbox').add({ recordId: `f${i}`, store: 'facts', queuedAt: at })
      tx.objectStore('meta').delete('kioskDraft')
      await done(tx)
      three.push(performance.now() - start)
    }
    db.close()
    indexedDB.deleteDatabase('bench-floor')
    return { one, three }
  }, { n: VISITORS, settle })
  for (const settle of [0, SETTLE_MS]) {
    const floor = await floorRun(settle)
    console.log(`  floor, raw IndexedDB, same run, ${settle} ms between writes (${floor.one.length} each): one put p50 ${ms(percentile(floor.one, 50))}, p95 ${ms(percentile(floor.one, 95))}; the commit's three writes p50 ${ms(percentile(floor.three, 50))}, p95 ${ms(percentile(floor.three, 95))}`)
  }
} finally {
  await tablet.close()
  await server.dispose()
}
