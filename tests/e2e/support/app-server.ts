import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** The built central server (`node dist-server/server/server.js`) as its own process on loopback. */
export class AppServer {
  /** `root`: the folder holding `dist/` and `dist-server/` (a bench may compare another build's copy). */
  constructor(readonly root = process.cwd()) {}

  readonly dataDir = mkdtempSync(join(tmpdir(), 'corner-data-'))
  port = 0
  private child?: ChildProcess
  output = ''

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(env: Record<string, string> = {}): Promise<void> {
    if (!this.port) this.port = await freePort()
    const child = spawn(process.execPath, ['dist-server/server/server.js'], {
      cwd: this.root,
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, ADMIN_PASSWORD: 'e2e-password-123', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited: ${this.output.slice(-1000)}`)
      const ok = await fetch(`${this.url}/healthz`).then((r) => r.ok, () => false)
      if (ok) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`server did not become healthy: ${this.output.slice(-1000)}`)
  }

  /** Whether the process is up (a test that killed it may have failed before restarting it). */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
  }

  /** Stops the process; `signal` SIGKILL simulates a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
  }

  async dispose(): Promise<void> {
    await this.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}
