import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const entry = fileURLToPath(new URL('../src/server/server.ts', import.meta.url))

/**
 * The real server entry in its own process, so the load generator does not share its event
 * loop (a tablet is another machine). Resolves once it prints the URL it listens on.
 */
export function spawnServer(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
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
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (https?:\/\/[^\s]+)/.exec(output)
      if (match?.[1]) resolve({ url: match[1], stop })
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)))
  })
}
