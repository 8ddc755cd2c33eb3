// What a tablet downloads, in bytes on the wire as Chromium counts them (CDP
// Network.loadingFinished encodedDataLength, through Playwright's request.sizes(): the
// compressed body plus the response headers), from the built server as `npm start` runs it.
// - first view: every request the page makes on a first visit, until nothing has moved for
//   QUIET_MS after the first screen and the service worker are up (lazy chunks loaded after
//   the first paint count too);
// - whole install: the first view plus what the service worker fetches to fill its precache.
//   Precache requests that Chromium answers from its HTTP cache (files the page just loaded)
//   cost nothing on the wire and count 0.
// (sw.js is the one exception: see workerScriptBody.)
// Run: npm run build && npx tsx bench/bundle-size.ts
import { get } from 'node:http'
import type { Request } from 'playwright-core'
import { waitForActiveServiceWorker } from '../tests/e2e/support/app-page'
import { AppServer } from '../tests/e2e/support/app-server'
import { Tablet } from '../tests/e2e/support/browser'

const QUIET_MS = 3_000
const KB = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`

interface Transfer {
  path: string
  byWorker: boolean
  type: string
  bytes: number
  encoding: string
}

/**
 * Chromium reports a body of 0 for the worker's own script (sw.js): count the bytes the server
 * sends for it in the encoding Chromium got (its request headers, as Playwright reports them,
 * may lack Accept-Encoding), plus the headers Chromium did report.
 */
async function workerScriptBody(request: Request, encoding: string): Promise<number> {
  const acceptEncoding = encoding === 'identity' ? ((await request.allHeaders())['accept-encoding'] ?? '') : encoding
  const answer = await new Promise<Buffer>((resolve, reject) => {
    get(request.url(), { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject)
    }).on('error', reject)
  })
  return answer.length
}

async function transferOf(request: Request, origin: string): Promise<Transfer> {
  const [sizes, response] = await Promise.all([request.sizes(), request.response()])
  const headers = (await response?.allHeaders()) ?? {}
  const byWorker = request.serviceWorker() !== null
  const type = request.resourceType()
  const encoding = headers['content-encoding'] ?? 'identity'
  const body = byWorker && type === 'script' && sizes.responseBodySize === 0 ? await workerScriptBody(request, encoding) : sizes.responseBodySize
  return {
    path: request.url().replace(origin, ''),
    byWorker,
    type,
    // A response from the HTTP cache reports a body of minus its headers: 0 bytes on the wire.
    bytes: Math.max(0, sizes.responseHeadersSize + body),
    encoding,
  }
}

const sum = (rows: Transfer[]) => rows.reduce((total, row) => total + row.bytes, 0)

const server = new AppServer()
const tablet = new Tablet()
try {
  await server.start()
  const context = await tablet.launch()
  const page = await tablet.page()
  const pending: Promise<Transfer>[] = []
  let lastActivity = Date.now()
  context.on('requestfinished', (request) => {
    lastActivity = Date.now()
    pending.push(transferOf(request, server.url))
  })
  context.on('request', () => (lastActivity = Date.now()))

  await page.goto(server.url)
  await page.locator('.event-link').first().waitFor()
  await waitForActiveServiceWorker(page)
  const deadline = Date.now() + 60_000
  while (Date.now() - lastActivity < QUIET_MS && Date.now() < deadline) await page.waitForTimeout(250)
  const transfers = await Promise.all(pending)

  const firstView = transfers.filter((t) => !t.byWorker)
  const firstViewJs = firstView.filter((t) => t.type === 'script')
  const precache = transfers.filter((t) => t.byWorker)
  for (const t of [...firstView].sort((a, b) => b.bytes - a.bytes)) {
    console.log(`  page   ${KB(t.bytes).padStart(9)}  ${t.encoding.padEnd(8)} ${t.type.padEnd(10)} ${t.path}`)
  }
  for (const t of precache.filter((t) => t.bytes > 0).sort((a, b) => b.bytes - a.bytes)) {
    console.log(`  worker ${KB(t.bytes).padStart(9)}  ${t.encoding.padEnd(8)} ${t.type.padEnd(10)} ${t.path}`)
  }
  const uncompressed = transfers.filter((t) => t.bytes > 1000 && t.encoding === 'identity' && !/\.(woff2|png)$/.test(t.path))
  if (uncompressed.length) console.log(`NOT COMPRESSED: ${uncompressed.map((t) => t.path).join(', ')}`)
  console.log(`first view, JS on the wire: ${KB(sum(firstViewJs))} in ${firstViewJs.length} requests  [budget ≤ 100 KB]`)
  console.log(`first view, everything (HTML, JS, CSS, fonts): ${KB(sum(firstView))} in ${firstView.length} requests`)
  console.log(`service worker install (precache, beyond the HTTP cache): ${KB(sum(precache))} in ${precache.filter((t) => t.bytes > 0).length} requests`)
  console.log(`whole install on the wire: ${KB(sum(transfers))}  [budget ≤ 300 KB]`)
} finally {
  await tablet.close()
  await server.dispose()
}
