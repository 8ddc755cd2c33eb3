import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const entry = fileURLToPath(new URL('../src/server/server.ts', import.meta.url))

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

export function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const workers = Number(env.WEB_CONCURRENCY ?? 1)
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
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
