import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { PROTOCOL_HEADER, pullResponseSchema } from '../../src/shared/sync-protocol.js'
import { enrol, interaction, issueCode, login, push } from './helpers/api.js'
import { ADMIN_PASSWORD } from './helpers/backends.js'
import { makeTempDir } from './helpers/fake-dist.js'

const serverEntry = fileURLToPath(new URL('../../src/server/server.ts', import.meta.url))
const dataDir = makeTempDir()
const children: ChildProcess[] = []

/** The real entry point in its own process, as `npm start` runs it, on a free port. */
function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_PASSWORD, STATIC_ROOT: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1]) resolve({ child, url: match[1] })
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)))
  })
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a server killed right after a commit', () => {
  it('still has every acknowledged fact after a restart', async () => {
    const first = await startProcess()
    const device = await enrol(first.url, (await issueCode(first.url, await login(first.url))).code)
    const facts = Array.from({ length: 500 }, () => interaction(device.deviceId))
    const { results } = await push(first.url, device.token, { facts })
    expect(results.every((r) => r.status === 'accepted')).toBe(true)
    const exited = new Promise((resolve) => first.child.once('exit', resolve))
    first.child.kill('SIGKILL')
    await exited

    const second = await startProcess()
    const res = await fetch(`${second.url}/api/v1/pull?cursor=0&eventId=${facts[0]?.eventId}`, { headers: { authorization: `Bearer ${device.token}`, [PROTOCOL_HEADER]: '2' } })
    expect(pullResponseSchema.parse(await res.json()).totals?.contacts).toBe(500)
    const again = await push(second.url, device.token, { facts })
    expect(again.results.every((r) => r.status === 'duplicate')).toBe(true)
  }, 60_000)
})
