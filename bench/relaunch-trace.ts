// Where an offline relaunch's time goes: relaunches the built app offline (like
// bench/offline-relaunch.ts) with a Chromium performance trace running, and prints, for the
// page's main thread, what ran between navigation start and the first event link: each script's
// compile and evaluation (and whether V8's code cache was used), tasks, IndexedDB, the service
// worker's fetch handling. Profiling aid, not a budget. Traces land in $TRACE_DIR (default /tmp).
// Run: npm run build && npx tsx bench/relaunch-trace.ts   (RUNS=3 by default)
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppServer } from '../tests/e2e/support/app-server'
import { createEvent, waitForActiveServiceWorker } from '../tests/e2e/support/app-page'
import { Tablet } from '../tests/e2e/support/browser'
import { FloorServer } from './support/relaunch-floor'

const RUNS = Number(process.env.RUNS ?? 3)
// FLOOR=1 traces the floor page (bench/support/relaunch-floor.ts) instead of the app.
const FLOOR = process.env.FLOOR === '1'
const SELECTOR = FLOOR ? '.record' : '.event-link'
// Milliseconds the relaunched browser keeps running after the mark, before the next kill.
const LINGER = Number(process.env.LINGER ?? 300)
// CLOSE=1 closes the browser normally between relaunches instead of killing it (SIGKILL).
const CLOSE = process.env.CLOSE === '1'
// PROFILE=1 also samples the page's JavaScript (CDP Profiler, 0.1 ms) and prints where it ran.
const PROFILE = process.env.PROFILE === '1'
const TRACE_DIR = process.env.TRACE_DIR ?? '/tmp'
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink',
  'blink.user_timing',
  'loading',
  'navigation',
  'ServiceWorker',
  'IndexedDB',
  'toplevel',
]

interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string }
}

const server = new AppServer()
const floor = new FloorServer()
const tablet = new Tablet()

const markLink = `
  new MutationObserver((_, observer) => {
    if (document.querySelector(${JSON.stringify(SELECTOR)})) {
      performance.mark('corner:interactive')
      window.__interactiveAt = performance.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
`

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Self and total time per function between navigation start and the mark (a sampled CPU profile). */
function summariseProfile(profile: CpuProfile, from: number, to: number): void {
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const label = (id: number) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame
    return `${functionName || "(anonymous)"} ${short(url)}:${lineNumber}:${columnNumber}`
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let ts = profile.startTime
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0
    ts += delta
    if (ts < from || ts > to) return
    self.set(label(id), (self.get(label(id)) ?? 0) + delta)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(at)
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + delta)
      seen.add(name)
    }
  })
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => `${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`)
  console.log('CPU profile, self time:\n' + top(self, 25).join('\n'))
  console.log('CPU profile, total time:\n' + top(total, 45).join('\n'))
}

const key = (e: TraceEvent) => `${e.pid}:${e.tid}`
const short = (url: unknown) => String(url ?? '').split('/').pop()

function summarise(events: TraceEvent[], run: number, profile?: CpuProfile): void {
  const threads = new Map<string, string>()
  for (const e of events) if (e.name === 'thread_name') threads.set(key(e), String(e.args?.name))
  const nav = events.find((e) => e.name === 'navigationStart' && (e.args?.data as { isLoadingMainFrame?: boolean })?.isLoadingMainFrame)
  const mark = events.find((e) => e.name === 'corner:interactive')
  if (!nav || !mark) return console.log(`run ${run}: navigationStart or the mark missing`)
  const main = key(mark)
  const t = (ts: number) => ((ts - nav.ts) / 1000).toFixed(1).padStart(7)
  const d = (dur = 0) => (dur / 1000).toFixed(1).padStart(6)
  const within = (e: TraceEvent) => e.ts >= nav.ts && e.ts <= mark.ts
  console.log(`\nrun ${run}: interactive at ${t(mark.ts)} ms; main-thread tasks ≥ 1.5 ms (start, duration, longest parts):`)
  let busy = 0
  for (const task of events.filter((e) => key(e) === main && e.name === 'RunTask' && within(e))) {
    busy += task.dur ?? 0
    if ((task.dur ?? 0) < 1500) continue
    const end = task.ts + (task.dur ?? 0)
    const parts = events
      .filter((e) => key(e) === main && e !== task && e.ts >= task.ts && e.ts < end && (e.dur ?? 0) > 500 && !/RunTask|mojo|AsyncTask|ThreadController/.test(e.name))
      .slice(0, 5)
      .map((e) => `${e.name}${e.args?.data?.url ? `(${short(e.args.data.url)})` : ''}${e.args?.data?.functionName ? `(${String(e.args.data.functionName)})` : ''} ${d(e.dur).trim()}`)
    console.log(`${t(task.ts)} ${d(task.dur)}  ${parts.join(' | ')}`)
  }
  console.log(`main thread busy ${(busy / 1000).toFixed(1)} ms before the mark`)
  if (profile) summariseProfile(profile, nav.ts, mark.ts)
  console.log('scripts (compile, parse, code cache, evaluation) and requests:')
  const script = /^(v8\.compile|v8\.compileModule|EvaluateScript|v8\.evaluateModule|v8\.produceModuleCache|v8\.produceCache|v8\.parseOnBackground|v8\.deserializeOnBackground|v8\.consumeCodeCache|ResourceSendRequest|ResourceFinish)$/
  for (const e of events.filter((e) => script.test(e.name) && e.ts >= nav.ts - 50_000 && e.ts <= mark.ts)) {
    const data = e.args?.data ?? {}
    const cache = ['cacheKind', 'consumedCacheSize', 'cacheRejected', 'streamed', 'notStreamedReason'].filter((k) => k in data).map((k) => `${k}=${String(data[k])}`)
    const thread = key(e) === main ? 'main' : (threads.get(key(e)) ?? key(e)).slice(0, 20)
    console.log(`${t(e.ts)} ${d(e.dur)}  ${thread.padEnd(20)} ${e.name} ${short(data.url)} ${String(data.requestId ?? '')} ${cache.join(' ')}`)
  }
}

try {
  await Promise.all([server.start(), floor.start()])
  await tablet.launch()
  const page = await tablet.page()
  if (FLOOR) {
    await page.goto(floor.url)
    await page.locator('.record').waitFor()
  } else {
    await page.goto(server.url)
    await createEvent(page, 'Bench')
  }
  await waitForActiveServiceWorker(page)
  await Promise.all([server.stop(), floor.stop()])
  for (let run = 1; run <= RUNS; run++) {
    if (CLOSE) await tablet.browser?.close()
    await tablet.kill()
    const context = await tablet.launch()
    await context.setOffline(true)
    await context.addInitScript(markLink)
    const relaunched = await tablet.page()
    const browser = tablet.browser!
    const cdp = PROFILE ? await relaunched.context().newCDPSession(relaunched) : undefined
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
      await cdp.send('Profiler.start')
    }
    await browser.startTracing(relaunched, { categories: CATEGORIES })
    await relaunched.goto(FLOOR ? floor.url : server.url)
    await relaunched.waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined)
    await relaunched.waitForTimeout(LINGER)
    const buffer = await browser.stopTracing()
    const profile = cdp ? ((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile) : undefined
    if (profile) writeFileSync(join(TRACE_DIR, `relaunch-profile-${run}.cpuprofile`), JSON.stringify(profile))
    const file = join(TRACE_DIR, `relaunch-trace-${run}.json`)
    writeFileSync(file, buffer)
    const parsed = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }
    summarise(parsed.traceEvents, run, profile)
    console.log(`trace: ${file}`)
  }
} finally {
  await tablet.close()
  await Promise.all([server.dispose(), floor.stop()])
}
