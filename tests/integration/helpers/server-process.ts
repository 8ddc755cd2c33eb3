import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const serverEntry = fileURLToPath(new URL('../../../src/server/server.ts', import.meta.url))

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** Everything printed so far (stdout and stderr). */
  output: () => string
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

/** The real entry point (`src/server/server.ts`) in its own process, as `npm start` runs it. */
export function startServerProcess(env: Record<string, string>, listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
  }
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = listening.exec(output)
      if (match?.[1]) resolve({ child, url: match[1], output: () => output, stop })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new ServerExit(code, output)))
  })
}

export class ServerExit extends Error {
  constructor(readonly code: number | null, readonly output: string) {
    super(`server exited (${code}) before listening:\n${output.slice(-2000)}`)
  }
}
