import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEvent } from '../../src/shared/demo-event.js'
import { startServer } from '../../src/server/start-server.js'
import { json, login } from './helpers/api.js'
import { ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/backends.js'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer('sqlite')
})
afterAll(async () => server?.close())

describe('SQLite with another writer', () => {
  it('waits for the other writer\'s lock instead of failing', async () => {
    const cookie = await login(server.url)
    // Another process (a backup script, an admin tool) takes the write lock, writes, and
    // commits 400 ms later. The coordinator's request reads first, then writes: in a
    // DEFERRED transaction SQLite answers SQLITE_BUSY at once instead of waiting its turn.
    const other = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(${JSON.stringify(join(server.dataDir, 'corner.sqlite'))})
      db.exec('begin immediate')
      db.prepare("update doc_counter set value = value where name = 'documents'").run()
      console.log('locked')
      setTimeout(() => { db.exec('commit'); db.close() }, 400)
    `], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise((resolve) => other.stdout.once('data', resolve))
    const { id: _id, version: _v, status: _s, createdAt: _c, ...fields } = demoEvent(new Date())
    const res = await fetch(`${server.url}/api/v1/admin/events`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ ...fields, name: 'Mentre un altro scrive' }) })
    expect(res.status).toBe(201)
    await new Promise((resolve) => (other.exitCode === null ? other.once('exit', resolve) : resolve(null)))
  })

  it('refuses to start a second server on the same data directory', async () => {
    await expect(startServer({ port: 0, dataDir: server.dataDir, staticRoot: false, admin: { password: ADMIN_PASSWORD } }))
      .rejects.toThrow(/Another server \(pid \d+\) is using this data directory/)
    // The first one is unharmed.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})
