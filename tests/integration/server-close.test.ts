import { connect, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { enrolNewDevice } from './helpers/api.js'
import { startTestServer, type TestServer } from './helpers/backends.js'

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
})
