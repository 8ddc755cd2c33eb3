/// <reference lib="WebWorker" />
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'

declare const self: ServiceWorkerGlobalScope

// The app shell and the self-hosted fonts; API calls are never cached nor queued here:
// sync runs in the page so that "saved" and "sent" stay under the app's control.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
// /q and /s are the phones' pages (server-rendered landing, phone survey) and /media the
// thumbnails: the app shell must never stand in for them.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/healthz/, /^\/q\//, /^\/s\//, /^\/media\//] }))

// Content thumbnails, for the QR wall offline: a file's name is the hash of its bytes, so a
// cached copy is never stale. Bounded, so a long-lived tablet does not fill its storage.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/media/'),
  new CacheFirst({ cacheName: 'corner-media', plugins: [new ExpirationPlugin({ maxEntries: 120, purgeOnQuotaError: true })] }),
)

// registerType 'prompt': the new worker waits until the operator accepts the update.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting()
})
