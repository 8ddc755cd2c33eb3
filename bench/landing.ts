/**
 * The QR landing page as a visitor's phone gets it, against the real server (SQLite):
 * - on the wire in Chromium, first view, everything transferred (budget ≤ 30 KB), and first
 *   contentful paint under a throttled slow-3G profile, next to a page that only links to the
 *   platform (the floor: what a direct link's first page at least costs) — median of 5;
 * - requests per second on one process with counting, and latency under that load.
 * Run: npx tsx bench/landing.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { DEMO_CONTENT_IDS } from '../src/shared/demo-content-ids.js'
import { DEMO_EVENT_ID } from '../src/shared/demo-event.js'
import { trackedCode } from '../src/shared/qr-codes.js'
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/chromium-path.js'
import { spawnServer } from './server-process.js'
import { median, percentile } from './stats.js'

const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36'
// DevTools' "Slow 3G": 400 ms round trip, 400 kbit/s down, 400 kbit/s up (×0.8 for packet overhead).
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024 * 0.8) / 8, uploadThroughput: (400 * 1024 * 0.8) / 8 }

const dataDir = mkdtempSync(join(tmpdir(), 'corner-bench-landing-'))
const server = await spawnServer({ DATA_DIR: dataDir, STATIC_ROOT: dataDir, ADMIN_PASSWORD: 'bench password', RATE_LIMIT_LANDING_PER_MINUTE: '1000000' })
// The floor: a minimal page with one link to the platform, served from loopback.
const floor = createServer((_req, res) => res.end('<!doctype html><html lang="it"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Link</title><p><a href="https://www.instagram.com/">Apri su Instagram</a></p>'))
await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve))
const floorUrl = `http://127.0.0.1:${(floor.address() as { port: number }).port}/`
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
try {
  const url = `${server.url}/q/${await trackedCode(DEMO_EVENT_ID, DEMO_CONTENT_IDS.fluVaccine)}`

  async function firstView(target: string, throttled: boolean): Promise<{ bytes: number; fcp: number }> {
    const context = await browser.newContext({ userAgent: PHONE, viewport: { width: 390, height: 844 }, locale: 'it-IT' })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    if (throttled) await cdp.send('Network.emulateNetworkConditions', SLOW_3G)
    let bytes = 0
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength))
    await page.goto(target, { waitUntil: 'load' })
    const fcp = await page.evaluate(() => new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0]
        if (entry) resolve(entry.startTime)
      }).observe({ type: 'paint', buffered: true })
    }))
    await context.close()
    return { bytes, fcp }
  }

  const landing = [] as { bytes: number; fcp: number }[]
  const direct = [] as { bytes: number; fcp: number }[]
  for (let i = 0; i < 5; i++) {
    landing.push(await firstView(url, true))
    direct.push(await firstView(floorUrl, true))
  }
  const unthrottled = await firstView(url, false)
  console.log(`landing page, first view on the wire: ${(unthrottled.bytes / 1024).toFixed(1)} KB in all  [budget ≤ 30 KB]`)
  console.log(`first contentful paint, slow 3G (median of 5): landing ${median(landing.map((l) => l.fcp)).toFixed(0)} ms, a bare link page ${median(direct.map((d) => d.fcp)).toFixed(0)} ms`)

  // Throughput: 20 phones at once for 10 s, each request a new arrival that is counted.
  const latencies: number[] = []
  let errors = 0
  const until = Date.now() + 10_000
  await Promise.all(Array.from({ length: 20 }, async () => {
    while (Date.now() < until) {
      const start = performance.now()
      const res = await fetch(url, { headers: { 'user-agent': PHONE, 'accept-language': 'it' } })
      await res.arrayBuffer()
      latencies.push(performance.now() - start)
      if (res.status !== 200) errors++
    }
  }))
  console.log(`landing under load (20 concurrent, 10 s, counting every arrival): ${(latencies.length / 10).toFixed(0)} requests/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, errors ${errors}`)
} finally {
  await browser.close()
  floor.close()
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
