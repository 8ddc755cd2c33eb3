// Tap → fact committed (durability strict) → counter updated on screen, in headless Chromium
// on an on-disk profile, next to its floor measured in the same page: the tap's own writes
// (fact + outbox entry + day counter) in raw IndexedDB, one strict transaction. A single raw
// put is printed too, for scale.
// Run: npm run build && npx tsx bench/tap-latency.ts   (prints figures; never fails on time)
import { AppServer } from '../tests/e2e/support/app-server'
import { createEvent } from '../tests/e2e/support/app-page'
import { Tablet } from '../tests/e2e/support/browser'
import { ms, percentile } from './stats'

const TAPS = Number(process.env.TAPS ?? 600)
const WARMUP = 20

const server = new AppServer()
const tablet = new Tablet()
try {
  await server.start()
  await tablet.launch()
  const page = await tablet.page()
  await page.goto(server.url)
  await createEvent(page, 'Bench')

  // In the page: click a topic, then wait until BOTH the event counter shows the new number and
  // the "saved" message (set only after the strict transaction committed) names the new topic.
  // Consecutive taps use different topics, so each tap changes the message.
  const taps = await page.evaluate(async ({ taps, warmup }) => {
    const counter = document.querySelector('[data-testid="count-event"]')!
    const feedback = document.querySelector('[data-testid="tap-feedback"]')!
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('button.topic')]
    const times: number[] = []
    for (let i = 0; i < taps + warmup; i++) {
      const before = [counter.textContent, feedback.textContent]
      const start = performance.now()
      await new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (counter.textContent !== before[0] && feedback.textContent !== before[1]) {
            observer.disconnect()
            resolve()
          }
        })
        observer.observe(document.body, { characterData: true, childList: true, subtree: true })
        buttons[i % buttons.length]!.click()
      })
      if (i >= warmup) times.push(performance.now() - start)
    }
    return times
  }, { taps: TAPS, warmup: WARMUP })

  // For scale: one raw IndexedDB put per transaction, durability strict, same page and disk.
  const raw = await page.evaluate(async ({ taps, warmup }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('bench-raw', 1)
      open.onupgradeneeded = () => open.result.createObjectStore('facts', { keyPath: 'id' })
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const times: number[] = []
    for (let i = 0; i < taps + warmup; i++) {
      const start = performance.now()
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('facts', 'readwrite', { durability: 'strict' })
        tx.objectStore('facts').put({ id: crypto.randomUUID(), eventId: 'e', kind: 'interaction', payload: { topic: 'smoking', groupSize: 1 } })
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      if (i >= warmup) times.push(performance.now() - start)
    }
    return times
  }, { taps: TAPS, warmup: WARMUP })

  // The floor: what the tap must write, in raw IndexedDB: the fact (with its index), its outbox
  // entry and the day's counter, in one strict transaction.
  const raw3 = await page.evaluate(async ({ taps, warmup }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('bench-raw-tap', 1)
      open.onupgradeneeded = () => {
        open.result.createObjectStore('facts', { keyPath: 'id' }).createIndex('eventKind', ['eventId', 'kind'])
        open.result.createObjectStore('outbox', { keyPath: 'recordId' })
        open.result.createObjectStore('counters', { keyPath: ['eventId', 'day'] })
      }
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const times: number[] = []
    for (let i = 0; i < taps + warmup; i++) {
      const start = performance.now()
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['facts', 'outbox', 'counters'], 'readwrite', { durability: 'strict' })
        const id = crypto.randomUUID()
        tx.objectStore('facts').add({ id, eventId: 'e', kind: 'interaction', at: new Date().toISOString(), schemaVersion: 1, payload: { topic: 'smoking', groupSize: 1 }, day: '2026-11-26' })
        tx.objectStore('outbox').add({ recordId: id, store: 'facts', queuedAt: new Date().toISOString() })
        const counter = tx.objectStore('counters').get(['e', '2026-11-26'])
        counter.onsuccess = () => tx.objectStore('counters').put({ eventId: 'e', day: '2026-11-26', contacts: (counter.result?.contacts ?? 0) + 1 })
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      if (i >= warmup) times.push(performance.now() - start)
    }
    return times
  }, { taps: TAPS, warmup: WARMUP })

  const tapP50 = percentile(taps, 50)
  const tapP95 = percentile(taps, 95)
  const floorP50 = percentile(raw3, 50)
  const floorP95 = percentile(raw3, 95)
  console.log(`tap → committed ("saved" shown) and counter on screen (${taps.length} taps): p50 ${ms(tapP50)}, p95 ${ms(tapP95)}  [budget p95 ≤ 8 ms]`)
  console.log(`floor: the tap's own writes in raw IndexedDB (fact + outbox + counter, one strict transaction, ${raw3.length}): p50 ${ms(floorP50)}, p95 ${ms(floorP95)}`)
  console.log(`ratio tap/floor: p50 ${(tapP50 / floorP50).toFixed(2)}×, p95 ${(tapP95 / floorP95).toFixed(2)}×  [budget p95 ≤ 2×]`)
  console.log(`for scale, one raw IndexedDB strict put (${raw.length}): p50 ${ms(percentile(raw, 50))}, p95 ${ms(percentile(raw, 95))}`)
} finally {
  await tablet.close()
  await server.dispose()
}
