import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const source = fileURLToPath(new URL('../src/server/server.ts', import.meta.url))
const built = fileURLToPath(new URL('../dist-server/server/server.js', import.meta.url))

/** Newest modification time under a folder (the server's own sources and the shared ones). */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => Math.max(max, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0)
}

/**
 * What `npm start` runs: the compiled server (`npm run build`), unless it is missing or older
 * than the sources; then the sources through tsx, whose transform adds a `__name` call to
 * every function made at run time (measurably slower on the per-fact paths). Said on stderr.
 */
function serverCommand(): string[] {
  const srcTime = Math.max(newest(fileURLToPath(new URL('../src/server', import.meta.url))), newest(fileURLToPath(new URL('../src/shared', import.meta.url))))
  const useBuilt = process.env.BENCH_SERVER !== 'src' && existsSync(built) && statSync(built).mtimeMs >= srcTime
  console.error(useBuilt ? 'server: dist-server (compiled, as npm start runs it)' : 'server: src through tsx (dist-server missing or older than the sources; run npm run build)')
  return useBuilt ? [built] : ['--import', 'tsx', source]
}

/**
 * The real server entry in its own process(es), so the load generator does not share its event
 * loop (a tablet is another machine). Resolves once every worker prints the URL it listens on.
 */
export interface ServerProcess {
  url: string
  /** The server process (the primary when it runs workers). */
  pid: number
  stop: () => Promise<void>
  /** Everything it printed so far (fastify's JSON log lines carry each request's responseTime). */
  output: () => string
}

/**
 * BENCH_SERVER_ARGS: extra Node flags for the server only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`,
 * `--trace-gc`). `command` replaces the server's own (an entry file and its flags, for comparing builds).
 */
export function spawnServer(env: Record<string, string>, command?: string[]): Promise<ServerProcess> {
  const workers = Number(env.WEB_CONCURRENCY ?? 1)
  const extra = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...extra, ...(command ?? serverCommand())], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const urls = [...output.matchAll(/listening on (https?:\/\/[^\s]+)/g)].map((m) => m[1])
      if (urls.length >= workers && urls[0]) resolve({ url: urls[0], pid: child.pid ?? 0, stop, output: () => output })
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)))
  })
}
