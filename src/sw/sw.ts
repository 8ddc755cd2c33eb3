/// <reference lib="WebWorker" />
import { cacheNames, type RouteHandlerCallback } from 'workbox-core'
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { readLaunch } from '../app/db/early-event-list'
import { pageInit, withLaunchScreen } from './launch-page'

declare const self: ServiceWorkerGlobalScope

// The app shell and the self-hosted fonts; API calls are never cached nor queued here:
// sync runs in the page so that "saved" and "sent" stay under the app's control.
// `/` is not answered from the precache as index.html (workbox's directoryIndex) but by the
// navigation route below, which serves the launch screen in it.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '' })
cleanupOutdatedCaches()
// /q and /s are the phones' pages (server-rendered landing, phone survey) and /media the
// thumbnails: the app shell must never stand in for them.
// At `/`, the events screen the app last rendered comes in the page, read from the database
// while the browser commits it (launch-page.ts).
const shell = createHandlerBoundToURL('index.html')
const appPage: RouteHandlerCallback = async (options) => {
  if (options.url.pathname !== '/') return shell(options)
  const read = readLaunch(self.indexedDB)
  const response = await shell(options)
  if (!response.ok || !response.headers.get('content-type')?.includes('text/html')) return response
  return withLaunchScreen(await response.text(), pageInit(response), read, self.location.origin)
}
registerRoute(new NavigationRoute(appPage, { denylist: [/^\/api\//, /^\/healthz/, /^\/q\//, /^\/s\//, /^\/media\//] }))

// Content thumbnails, for the QR wall offline: a file's name is the hash of its bytes, so a
// cached copy is never stale. Bounded, so a long-lived tablet does not fill its storage.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/media/'),
  new CacheFirst({ cacheName: 'corner-media', plugins: [new ExpirationPlugin({ maxEntries: 120, purgeOnQuotaError: true })] }),
)

// The app's hashed files straight from the precache, without waking this worker's fetch handler
// (the static routing API, Chromium 123+; others keep the precache route above): on a relaunch
// the worker would otherwise answer a dozen requests one after another on its own thread.
// Missing from the cache (the online-only chunks, left out of the install), a file is fetched.
type RouterRule = { condition: { urlPattern: string }; source: 'fetch-event' | { cacheName: string } }
self.addEventListener('install', (event) => {
  const { addRoutes } = event as ExtendableEvent & { addRoutes?: (rules: RouterRule[]) => Promise<void> }
  if (!addRoutes) return
  const rules: RouterRule[] = [
    { condition: { urlPattern: '/assets/online-*' }, source: 'fetch-event' },
    { condition: { urlPattern: '/assets/chart-*' }, source: 'fetch-event' },
    { condition: { urlPattern: '/assets/*' }, source: { cacheName: cacheNames.precache } },
  ]
  event.waitUntil(addRoutes.call(event, rules).catch((error: unknown) => console.error(error)))
})

// registerType 'prompt': the new worker waits until the operator accepts the update.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting()
})
