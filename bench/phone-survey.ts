/**
 * The phone survey page (/s/<code>) as a visitor's phone gets it from the built server:
 * JavaScript on the wire in Chromium, first view (budget ≤ 50 KB), and everything the page
 * transferred until its first screen; plus the brotli and gzip sizes of the built script.
 * Run after `npm run build`: npx tsx bench/phone-survey.ts
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { DEMO_CONTENT_IDS } from '../src/shared/demo-content-ids.js'
import { DEMO_EVENT_ID } from '../src/shared/demo-event.js'
import { trackedCode } from '../src/shared/qr-codes.js'
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/chromium-path.js'
import { spawnServer } from './server-process.js'

const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36'
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const dataDir = mkdtempSync(join(tmpdir(), 'corner-bench-phone-'))
const server = await spawnServer({ DATA_DIR: dataDir, STATIC_ROOT: join(process.cwd(), 'dist'), ADMIN_PASSWORD: 'bench password' })
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
try {
  const context = await browser.newContext({ userAgent: PHONE, viewport: { width: 390, height: 844 }, locale: 'it-IT' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const types = new Map<string, string>()
  const encodings = new Map<string, string>()
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { headers: Record<string, string> } }) => {
    types.set(e.requestId, e.type)
    encodings.set(e.requestId, e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'none')
  })
  let script = 0
  let all = 0
  const scriptEncodings = new Set<string>()
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    all += e.encodedDataLength
    if (types.get(e.requestId) === 'Script') {
      script += e.encodedDataLength
      scriptEncodings.add(encodings.get(e.requestId) ?? 'none')
    }
  })
  await page.goto(`${server.url}/s/${await trackedCode(DEMO_EVENT_ID, DEMO_CONTENT_IDS.fluVaccine)}`)
  await page.getByTestId('phone-start').waitFor()
  console.log(`phone survey, first view in Chromium: JS on the wire ${kb(script)} (${[...scriptEncodings].join(', ')})  [budget ≤ 50 KB]; everything until the first screen ${kb(all)}`)
  const assets = join('dist', 'phone', 'assets')
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const body = readFileSync(join(assets, file))
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
    console.log(`  ${file}: ${kb(body.length)} raw, ${kb(gzipSync(body, { level: 9 }).length)} gzip, ${kb(br)} brotli`)
  }
  await context.close()
} finally {
  await browser.close()
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
