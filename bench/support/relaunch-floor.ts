// The honest floor for "browser relaunched offline → interactive": the least a PWA can do.
// A page served by a minimal service worker (cache first, precached on install) whose module
// script opens IndexedDB, reads one record and renders it as a link. Served on loopback by a
// bare Node server, so it can be stopped like the app's server.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title>
<script type="module" src="/floor.js"></script></head>
<body><main id="app"></main></body></html>`

// First visit: writes the record and registers the worker. Every visit: renders the record.
const SCRIPT = `
const db = await new Promise((resolve, reject) => {
  const open = indexedDB.open('floor', 1)
  open.onupgradeneeded = () => open.result.createObjectStore('events', { keyPath: 'id' })
  open.onsuccess = () => resolve(open.result)
  open.onerror = () => reject(open.error)
})
const read = () => new Promise((resolve, reject) => {
  const get = db.transaction('events').objectStore('events').get('e1')
  get.onsuccess = () => resolve(get.result)
  get.onerror = () => reject(get.error)
})
let record = await read()
if (!record) {
  record = { id: 'e1', name: 'Bench' }
  await new Promise((resolve, reject) => {
    const tx = db.transaction('events', 'readwrite', { durability: 'strict' })
    tx.objectStore('events').put(record)
    tx.oncomplete = resolve
    tx.onerror = () => reject(tx.error)
  })
}
const link = document.createElement('a')
link.className = 'record'
link.href = '/events/' + record.id
link.textContent = record.name
document.getElementById('app').append(link)
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js')
`

const WORKER = `
const CACHE = 'floor-v1'
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['/', '/floor.js'])).then(() => self.skipWaiting()))
})
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  const key = event.request.mode === 'navigate' ? '/' : url.pathname
  event.respondWith(caches.match(key).then((hit) => hit ?? fetch(event.request)))
})
`

const FILES: Record<string, [string, string]> = {
  '/': ['text/html; charset=utf-8', PAGE],
  '/floor.js': ['text/javascript; charset=utf-8', SCRIPT],
  '/sw.js': ['text/javascript; charset=utf-8', WORKER],
}

export class FloorServer {
  private server?: Server
  port = 0

  /** `headers`: extra response headers, e.g. the app's Cross-Origin-Opener-Policy (bench/offline-relaunch.ts). */
  constructor(private readonly headers: Record<string, string> = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const file = FILES[new URL(request.url ?? '/', 'http://x').pathname]
      if (!file) return response.writeHead(404).end()
      response.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-cache', ...this.headers }).end(file[1])
    })
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve))
    this.server = server
    this.port = (server.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (!server) return
    const closed = new Promise((resolve) => server.close(resolve))
    server.closeAllConnections()
    await closed
  }
}
