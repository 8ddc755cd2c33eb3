import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrolNewDevice, json, pushRaw } from './helpers/api.js'
import { startTestServer, type TestServer } from './helpers/backends.js'

let server: TestServer
let device: { deviceId: string; token: string }
beforeAll(async () => {
  server = await startTestServer('sqlite', { requestTimeoutMs: 1_500 })
  device = await enrolNewDevice(server.url)
})
afterAll(async () => server?.close())

describe('a client that sends its body one byte at a time', () => {
  it('is cut off once the request timeout passes', async () => {
    const { port } = new URL(server.url)
    const socket = connect(Number(port), '127.0.0.1')
    const started = Date.now()
    const closed = new Promise<{ after: number; answer: string }>((resolve) => {
      let answer = ''
      socket.on('data', (chunk) => (answer += chunk.toString()))
      socket.on('close', () => resolve({ after: Date.now() - started, answer }))
    })
    socket.write(`POST /api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${device.token}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{`)
    const drip = setInterval(() => socket.writable && socket.write(' '), 250)
    try {
      const { after, answer } = await closed
      expect(after).toBeLessThan(12_000)
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true)
    } finally {
      clearInterval(drip)
      socket.destroy()
    }
  }, 20_000)
})

describe('framework errors', () => {
  const cases: [string, () => Promise<Response>, number, string][] = [
    ['an unknown media type', () => pushRaw(server.url, device.token, '<facts/>', { 'content-type': 'application/xml' }), 415, 'unsupported_media_type'],
    ['text/plain', () => pushRaw(server.url, device.token, '{"facts":[]}', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type'],
    ['an empty JSON body', () => pushRaw(server.url, device.token, ''), 400, 'bad_json'],
    ['broken JSON', () => pushRaw(server.url, device.token, '{"facts": ['), 400, 'bad_json'],
    ['a body over the limit', () => fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'a'.repeat(70_000), password: 'x' }) }), 413, 'body_too_large'],
    ['an unknown route', () => fetch(`${server.url}/api/v1/nothing-here`), 404, 'not_found'],
    ['a malformed id', () => fetch(`${server.url}/api/v1/admin/events/not-a-uuid/close`, { method: 'POST', headers: json, body: '{}' }), 401, 'unauthorized'],
    ['a malformed URL', () => fetch(`${server.url}/api/v1/pull?cursor=%E0%A4%A`, { headers: { authorization: `Bearer ${device.token}` } }), 400, 'invalid_query'],
  ]
  it.each(cases)('answer %s with our own code and message, never fastify\'s or Node\'s', async (_what, send, status, code) => {
    const res = await send()
    expect(res.status).toBe(status)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({ code, message: expect.any(String) })
    expect(text).not.toMatch(/FST_|ERR_|Unexpected token|at .*\.js/)
  })
})
