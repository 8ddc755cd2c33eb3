import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { connect as connectTls } from 'node:tls'
import { afterEach, describe, expect, it } from 'vitest'
import { enrolNewDevice } from './helpers/api.js'
import { startTestServer, type TestServer } from './helpers/backends.js'
import { makeTempDir } from './helpers/fake-dist.js'

let server: TestServer | undefined
let sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets) socket.destroy()
  sockets = []
  await server?.close()
  server = undefined
})

const open = (url: string) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
    sockets.push(socket)
  })
const answerOf = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('close', () => resolve(answer))
  })
/** Far below the two-minute socket timeout, and below the 10 s grace after which everything is closed. */
const stopsWithin = (closing: Promise<void>, ms = 5_000) => Promise.race([closing.then(() => 'stopped'), sleep(ms, 'still waiting', { ref: false })])

describe('stopping the server', () => {
  it('does not wait for a connection that never sent a request (a browser preconnect)', async () => {
    server = await startTestServer('sqlite')
    const preconnect = await open(server.url)
    const ended = answerOf(preconnect)
    const closing = server.app.close()
    expect(await stopsWithin(closing)).toBe('stopped')
    expect(await ended).toBe('')
  })

  it('still answers a request already under way', async () => {
    server = await startTestServer('sqlite')
    const { token } = await enrolNewDevice(server.url)
    const socket = await open(server.url)
    const answer = answerOf(socket)
    const body = '{"facts":"not a list"}'
    socket.write(`POST /api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 5)}`)
    await sleep(200)
    const closing = server.app.close()
    await sleep(200)
    socket.write(body.slice(5))
    expect(await stopsWithin(closing)).toBe('stopped')
    const response = await answer
    expect(response).toMatch(/^HTTP\/1\.1 400 /)
    expect(response.toLowerCase()).toContain('connection: close')
  })

  it('over TLS too: closes an unused connection at once and still answers the request under way', async () => {
    const dir = makeTempDir('corner-tls-')
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' })
      server = await startTestServer('sqlite', { https: { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) } })
      const port = Number(new URL(server.url).port)
      const tlsOpen = () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connectTls({ port, host: '127.0.0.1', rejectUnauthorized: false }, () => resolve(socket))
          socket.once('error', reject)
          sockets.push(socket)
        })
      const unused = await tlsOpen()
      const unusedEnded = answerOf(unused)
      const busy = await tlsOpen()
      const answer = answerOf(busy)
      // The test's own client, not the server, skips checking the self-signed certificate.
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
      const { token } = await enrolNewDevice(server.url).finally(() => delete process.env.NODE_TLS_REJECT_UNAUTHORIZED)
      const body = '{"facts":"not a list"}'
      busy.write(`POST /api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 5)}`)
      await sleep(200)
      const closing = server.app.close()
      await sleep(200)
      busy.write(body.slice(5))
      expect(await stopsWithin(closing)).toBe('stopped')
      expect(await unusedEnded).toBe('')
      const response = await answer
      expect(response).toMatch(/^HTTP\/1\.1 400 /)
      expect(response.toLowerCase()).toContain('connection: close')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
