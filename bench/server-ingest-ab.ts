/**
 * Server ingest, builds side by side: the same SQLite HTTP push as bench/server-ingest.ts against
 * several server builds (or Node flags) at once, their runs alternated round by round so that
 * whatever else the VM does weighs on each alike. Prints each build's median facts/s and the
 * median of its per-round ratio to the first build. Prints figures only; never fails on time.
 *
 * A build is a compiled server kept inside the repository (so it finds node_modules), e.g.
 *   git stash; npx tsc -p tsconfig.server.json; mkdir -p .bench-tmp/builds; cp -r dist-server .bench-tmp/builds/before; git stash pop
 *   npx tsc -p tsconfig.server.json
 *   BUILDS='before=.bench-tmp/builds/before;after=dist-server;after-gc=dist-server|--max-semi-space-size=32' npx tsx bench/server-ingest-ab.ts
 * BUILDS: `name=folder[|node flags]`, `;`-separated, the first the baseline. ROUNDS (default 12).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnServer, type ServerProcess } from './server-process.js'
import { BATCH, BATCHES, enrol, fmt, httpRun, median, type BenchDevice } from './support/ingest-client.js'

const ROUNDS = Number(process.env.ROUNDS ?? 12)
const builds = (process.env.BUILDS ?? '').split(';').filter(Boolean).map((spec) => {
  const name = spec.slice(0, spec.indexOf('='))
  const [folder = '', flags = ''] = spec.slice(spec.indexOf('=') + 1).split('|')
  return { name, command: [...flags.split(' ').filter(Boolean), resolve(folder, 'server/server.js')] }
})
if (builds.length < 2 || builds.some((b) => !b.name)) throw new Error('BUILDS: at least two, as name=folder[|node flags];… (see the header)')

const dirs: string[] = []
const running: { name: string; server: ServerProcess; device: BenchDevice; rates: number[] }[] = []
try {
  for (const { name, command } of builds) {
    const dir = mkdtempSync(join(tmpdir(), 'corner-bench-ab-'))
    dirs.push(dir)
    const env = { DATA_DIR: join(dir, 'server'), STATIC_ROOT: dir, ADMIN_PASSWORD: 'bench password', RATE_LIMIT_DEVICE_PER_MINUTE: '100000' }
    const server = await spawnServer(env, command)
    const device = await enrol(server.url)
    await httpRun(server.url, device) // warm-up: JIT, statement caches, file growth
    running.push({ name, server, device, rates: [] })
  }
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order too: no build always runs right after the same other one.
    for (const r of round % 2 ? [...running].reverse() : running) r.rates.push(await httpRun(r.server.url, r.device))
  }
  const base = running[0]?.rates ?? []
  console.log(`\nsqlite, builds alternated: ${ROUNDS} rounds × ${BATCHES} batches × ${BATCH} facts`)
  for (const r of running) {
    const ratio = median(r.rates.map((x, i) => x / (base[i] ?? x)))
    console.log(`  ${r.name.padEnd(14)} ${fmt(median(r.rates)).padStart(8)} facts/s   ×${ratio.toFixed(3)} (median per-round ratio)   runs ${r.rates.map(fmt).join(' / ')}`)
  }
} finally {
  for (const r of running) await r.server.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}
