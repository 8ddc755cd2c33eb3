import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const entry = fileURLToPath(new URL('../src/server/server.ts', import.meta.url))

/**
 * The real server entry in its own process, so the load generator does not share its event
 * loop (a tablet is another machine). Resolves once it prints the URL it listens on.
 */
export interface ServerProcess {
  url: string
  stop: () => Promise<void>
  /** Everything it printed so far (fastify's JSON log lines carry each request's responseTime). */
  output: () => string
}

export function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
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
      const match = /listening on (https?:\/\/[^\s]+)/.exec(output)
      if (match?.[1]) resolve({ url: match[1], stop, output: () => output })
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)))
  })
}
