import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/start-server.js'
import { makeTempDir, writeFakeDist } from './helpers/fake-dist.js'

let server: RunningServer
let dist: string
let dataDir: string

/** Raw bytes and headers: fetch() would decompress the body and hide what went over the wire. */
function getRaw(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(server.url + path, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** The siblings `scripts/precompress.mjs` writes at build. */
function precompress(file: string): Buffer {
  const body = readFileSync(file)
  writeFileSync(`${file}.br`, brotliCompressSync(body))
  writeFileSync(`${file}.gz`, gzipSync(body))
  return body
}

const asset = 'assets/app-abc123.js'
let assetBody: Buffer
let indexBody: Buffer

beforeAll(async () => {
  dist = writeFakeDist()
  // Big and repetitive enough that a compressed copy is clearly smaller than the file.
  writeFileSync(join(dist, asset), 'console.log("app");\n'.repeat(500))
  assetBody = precompress(join(dist, asset))
  indexBody = precompress(join(dist, 'index.html'))
  precompress(join(dist, 'sw.js'))
  dataDir = makeTempDir()
  server = await startServer({ port: 0, staticRoot: dist, dataDir, admin: { password: 'correct horse battery' } })
})

afterAll(async () => {
  await server.close()
  rmSync(dist, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

const varies = (headers: Record<string, string | string[] | undefined>) => String(headers.vary ?? '').toLowerCase()

describe('precompressed static files', () => {
  it('sends the brotli copy to a client that accepts br, and it decompresses to the identical file', async () => {
    const res = await getRaw(`/${asset}`, { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(varies(res.headers)).toContain('accept-encoding')
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.body.length).toBeLessThan(assetBody.length / 10)
    expect(brotliDecompressSync(res.body).equals(assetBody)).toBe(true)
  })

  it('sends the gzip copy to a client that accepts only gzip', async () => {
    const res = await getRaw(`/${asset}`, { 'accept-encoding': 'gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(varies(res.headers)).toContain('accept-encoding')
    expect(gunzipSync(res.body).equals(assetBody)).toBe(true)
  })

  it('sends the file itself, still varying on Accept-Encoding, to a client that accepts no encoding', async () => {
    const res = await getRaw(`/${asset}`)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(varies(res.headers)).toContain('accept-encoding')
    expect(res.body.equals(assetBody)).toBe(true)
  })

  it('compresses the index.html answer to a client-route navigation, uncached', async () => {
    const res = await getRaw('/enrol?code=ABCD1234', { accept: 'text/html', 'accept-encoding': 'br' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(brotliDecompressSync(res.body).equals(indexBody)).toBe(true)
  })

  it('keeps the service worker uncached when it goes out compressed', async () => {
    const res = await getRaw('/sw.js', { 'accept-encoding': 'br' })
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('sends a hashed asset without the document-only headers, keeping nosniff and CORP; documents and the worker keep them', async () => {
    const res = await getRaw(`/${asset}`, { 'accept-encoding': 'br' })
    for (const name of ['content-security-policy', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy', 'last-modified']) {
      expect(res.headers[name], name).toBeUndefined()
    }
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin')
    for (const path of ['/', '/sw.js']) {
      const doc = await getRaw(path, { accept: 'text/html', 'accept-encoding': 'br' })
      expect(doc.headers['content-security-policy'], path).toMatch(/default-src 'self'/)
      expect(doc.headers['x-frame-options'], path).toBe('SAMEORIGIN')
    }
  })

  it('serves a file without a compressed copy as it is', async () => {
    const res = await getRaw('/robots.txt', { 'accept-encoding': 'br, gzip' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString()).toContain('User-agent')
  })
})
