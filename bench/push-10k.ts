// Push of 10,000 queued facts end to end: a tablet (headless Chromium, on-disk profile) with
// 10,000 facts in its outbox presses "sync now"; timed until its outbox is empty, i.e. every
// batch was sent, committed by the server (SQLite) and acknowledged. Runs RUNS times.
// Run: npm run build && npx tsx bench/push-10k.ts
import { AppServer } from '../tests/e2e/support/app-server'
import { Coordinator } from '../tests/e2e/support/central'
import { enrolAndOpenEvent } from '../tests/e2e/support/sync-flow'
import { Tablet } from '../tests/e2e/support/browser'
import type { Page } from 'playwright-core'
import { median } from './stats'

const FACTS = 10_000
const RUNS = Number(process.env.RUNS ?? 3)

// Writes facts exactly as the app does (fact + outbox entry), straight into IndexedDB.
const fillOutbox = async ({ count, eventUrl }: { count: number; eventUrl: string }) => {
  const eventId = eventUrl.split('/').pop()!
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('corner')
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const deviceId = await new Promise<string>((resolve) => {
    const request = db.transaction('meta').objectStore('meta').get('deviceId')
    request.onsuccess = () => resolve((request.result as { value: string }).value)
  })
  const tx = db.transaction(['facts', 'outbox'], 'readwrite')
  const base = Date.now()
  for (let i = 0; i < count; i++) {
    const ms = (base + i).toString(16).padStart(12, '0')
    const id = `${ms.slice(0, 8)}-${ms.slice(8)}-7${crypto.randomUUID().slice(15)}`
    const at = new Date(base + i).toISOString()
    tx.objectStore('facts').add({ id, kind: 'interaction', eventId, deviceId, at, schemaVersion: 1, payload: { topic: 'smoking', ageBand: '30-49', groupSize: 1 }, day: at.slice(0, 10) })
    tx.objectStore('outbox').add({ recordId: id, store: 'facts', queuedAt: at })
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  db.close()
}

const queuedCount = async () => {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const open = indexedDB.open('corner')
    open.onsuccess = () => resolve(open.result)
  })
  const count = await new Promise<number>((resolve) => {
    const request = db.transaction('outbox').objectStore('outbox').count()
    request.onsuccess = () => resolve(request.result)
  })
  db.close()
  return count
}

async function waitForEmptyOutbox(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while ((await page.evaluate(queuedCount)) > 0) {
    if (Date.now() > deadline) throw new Error('the outbox did not empty in time')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const server = new AppServer()
const times: number[] = []
try {
  await server.start()
  const coordinator = new Coordinator(server)
  await coordinator.login()
  for (let run = 0; run < RUNS; run++) {
    const tablet = new Tablet()
    try {
      await tablet.launch()
      const page = await tablet.page()
      const eventUrl = await enrolAndOpenEvent(page, server.url, coordinator, `Bench ${run}`)
      await page.goto(`${server.url}/settings`)
      await waitForEmptyOutbox(page, 30_000)
      await page.evaluate(fillOutbox, { count: FACTS, eventUrl })
      if ((await page.evaluate(queuedCount)) !== FACTS) throw new Error('the outbox was not filled')
      const start = Date.now()
      await page.getByTestId('sync-now').click()
      await waitForEmptyOutbox(page, 120_000)
      times.push(Date.now() - start)
      console.log(`  run ${run + 1}: ${FACTS} facts pushed and acknowledged in ${times.at(-1)} ms`)
    } finally {
      await tablet.close()
    }
  }
  console.log(`push of ${FACTS} queued facts end to end (SQLite, ${RUNS} runs): median ${median(times)} ms  [budget ≤ 5000 ms]`)
} finally {
  await server.dispose()
}
