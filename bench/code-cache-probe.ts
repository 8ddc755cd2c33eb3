// Probe: which scripts served by a service worker from CacheStorage get V8's code cache on a
// relaunch? One page loads a classic script, a module without import/export and a module with
// an export (same body, ~200 KB), all precached by a minimal worker in its install event.
// Prints, for each relaunch, V8's compile events: `consumedCacheSize` when a code cache was used,
// `parseOnBackground` when the script was parsed again. Not a budget: the finding it backs is in
// docs/performance.md ("Offline relaunch") and build/vendor-classic-script.ts.
// Run: npx tsx bench/code-cache-probe.ts   (RUNS=4 relaunches; CLOSE=1 closes the browser
// instead of killing it; NOSW=1 the same page online without a service worker, for contrast)
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Tablet } from '../tests/e2e/support/browser'

const body = Array.from({ length: 2500 }, (_, i) => `function f${i}(a){let s=0;for(let j=0;j<a;j++){s+=j*${i}%7}return s+${JSON.stringify('x'.repeat(20))}.length}`).join('\n')
const calls = Array.from({ length: 2500 }, (_, i) => `f${i}(3)`).join(';')
const STRATEGY = process.env.STRATEGY ?? 'match' // match | clone | put-later
const files: Record<string, [string, string]> = {
  '/': ['text/html', `<!doctype html><html><head><script src="/classic.js"></script><script type="module" src="/plain.mjs"></script><script type="module" src="/export.mjs"></script></head><body><main id="app"></main>${process.env.NOSW === '1' ? '' : `<script>navigator.serviceWorker.register('/sw.js')</script>`}</body></html>`],
  '/classic.js': ['text/javascript', `${body}\n${calls};window.classicDone=1`],
  '/plain.mjs': ['text/javascript', `${body.replaceAll('function f', 'function p')}\n${calls.replaceAll('f', 'p')};window.plainDone=1`],
  '/export.mjs': ['text/javascript', `${body.replaceAll('function f', 'function e')}\n${calls.replaceAll('f', 'e')};window.exportDone=1\nexport const done = 1`],
  '/sw.js': ['text/javascript', `
const CACHE='probe'
self.addEventListener('install', (event) => event.waitUntil(caches.open(CACHE).then((c) => c.addAll(['/', '/classic.js', '/plain.mjs', '/export.mjs'])).then(() => self.skipWaiting())))
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  const key = event.request.mode === 'navigate' ? '/' : url.pathname
  event.respondWith(caches.match(key).then((hit) => ${STRATEGY === 'clone' ? 'hit && new Response(hit.body, hit)' : 'hit'} ?? fetch(event.request)))
})`],
}
const server = createServer((req, res) => {
  const f = files[new URL(req.url ?? '/', 'http://x').pathname]
  if (!f) return res.writeHead(404).end()
  res.writeHead(200, { 'content-type': f[0], 'cache-control': 'no-cache' }).end(f[1])
})
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
const tablet = new Tablet()
try {
  await tablet.launch()
  let page = await tablet.page()
  await page.goto(url)
  if (process.env.NOSW !== '1') {
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.waitForTimeout(500)
    server.close()
    server.closeAllConnections()
  } else await page.waitForTimeout(500)
  for (let run = 1; run <= Number(process.env.RUNS ?? 4); run++) {
    if (process.env.CLOSE === '1') await tablet.browser?.close()
    await tablet.kill()
    const ctx = await tablet.launch()
    if (process.env.NOSW !== '1') await ctx.setOffline(true)
    page = await tablet.page()
    const browser = tablet.browser!
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'CacheStorage', 'ServiceWorker'] })
    await page.goto(url)
    await page.waitForFunction(() => (window as unknown as { exportDone?: number }).exportDone === 1)
    await page.waitForTimeout(Number(process.env.LINGER ?? 1000))
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; ts: number; dur?: number; args?: { data?: Record<string, unknown> } }[] }).traceEvents
    console.log(`run ${run}`)
    for (const e of events) {
      if (!/^(v8\.compile|v8\.compileModule|v8\.produceCache|v8\.produceModuleCache|v8\.parseOnBackground|v8\.deserializeOnBackground)$/.test(e.name) && !/WriteSideData|SideDataReading/.test(e.name)) continue
      const d = e.args?.data ?? {}
      const u = String(d.url ?? '').split('/').pop()
      if (/CacheStorage/.test(e.name) && !/Side|Write|Match/.test(e.name)) continue
      console.log(`  ${e.name} ${u} ${(e.dur ?? 0) / 1000}ms ${JSON.stringify(d).replace(/"url":"[^"]*",?/, '').slice(0, 200)}`)
    }
  }
} finally {
  server.close()
  server.closeAllConnections()
  await tablet.close()
}
