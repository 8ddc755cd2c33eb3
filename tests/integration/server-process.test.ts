import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD } from './helpers/backends.js'
import { makeTempDir, writeFakeDist } from './helpers/fake-dist.js'
import { ServerExit, startServerProcess, type ServerProcess } from './helpers/server-process.js'

const dirs: string[] = []
const running: ServerProcess[] = []
const tempDir = () => {
  const dir = makeTempDir()
  dirs.push(dir)
  return dir
}
afterAll(async () => {
  for (const server of running) await server.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

async function startFails(env: Record<string, string>): Promise<ServerExit> {
  const error = await startServerProcess({ DATA_DIR: tempDir(), ADMIN_PASSWORD, ...env }).then(
    (server) => {
      running.push(server)
      throw new Error('the server started')
    },
    (exit: unknown) => exit,
  )
  expect(error).toBeInstanceOf(ServerExit)
  return error as ServerExit
}

describe('the server process', () => {
  it('keeps enrolment codes, client addresses and user agents out of its request log', async () => {
    const dist = writeFakeDist()
    dirs.push(dist)
    const server = await startServerProcess({ DATA_DIR: tempDir(), ADMIN_PASSWORD, STATIC_ROOT: dist })
    running.push(server)
    const res = await fetch(`${server.url}/enrol?code=KQ7MZP2X`, { headers: { accept: 'text/html', 'user-agent': 'VisitorPhone/1.0' } })
    expect(res.status).toBe(200)
    await expect.poll(() => server.output(), { timeout: 10_000 }).toMatch(/\/enrol\?code=\[redacted\]/)
    expect(server.output()).not.toMatch(/KQ7MZP2X|VisitorPhone|remoteAddress|127\.0\.0\.1",/)
  })

  it('refuses a second server on the same data directory, saying why', async () => {
    const dataDir = tempDir()
    const first = await startServerProcess({ DATA_DIR: dataDir, ADMIN_PASSWORD, STATIC_ROOT: dataDir })
    running.push(first)
    const second = await startFails({ DATA_DIR: dataDir })
    expect(second.code).not.toBe(0)
    expect(second.output).toMatch(/Another server \(pid \d+\) is using this data directory/)
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200)
  })

  it.concurrent.each([
    ['a short ADMIN_PASSWORD', { ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD must have at least 10 characters/],
    ['TRUST_PROXY=true', { TRUST_PROXY: 'true' }, /TRUST_PROXY=true would trust any X-Forwarded-For/],
    ['several workers on SQLite', { WEB_CONCURRENCY: '2' }, /WEB_CONCURRENCY > 1 needs PostgreSQL/],
  ])('refuses to start with %s', async (_what, env, message) => {
    const exit = await startFails(env)
    expect(exit.code).not.toBe(0)
    expect(exit.output).toMatch(message)
  })
})
