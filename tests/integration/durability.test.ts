import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { PROTOCOL_HEADER, pullResponseSchema } from '../../src/shared/sync-protocol.js'
import { enrol, interaction, issueCode, login, push } from './helpers/api.js'
import { ADMIN_PASSWORD } from './helpers/backends.js'
import { makeTempDir } from './helpers/fake-dist.js'
import { startServerProcess, type ServerProcess } from './helpers/server-process.js'

const dataDir = makeTempDir()
const children: ServerProcess[] = []

async function startProcess(): Promise<ServerProcess> {
  const started = await startServerProcess({ DATA_DIR: dataDir, ADMIN_PASSWORD, STATIC_ROOT: dataDir })
  children.push(started)
  return started
}

afterAll(async () => {
  for (const server of children) await server.stop('SIGKILL')
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
