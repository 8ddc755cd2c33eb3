import { existsSync } from 'node:fs'
import { basename, join, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sendApiNotFound } from './error-handler.js'

const IMMUTABLE = 'public, max-age=31536000, immutable'
// Files that name other files by hash: a stale copy would pin clients to an old release.
const NEVER_CACHED = /^(index\.html|sw\.js|registerSW\.js|workbox-[\w-]+\.js|manifest\.webmanifest)$/

// Headers that only mean something on a document or a worker script (its CSP, framing,
// referrer, opener…). A hashed script or stylesheet carries them for nothing: ~450 bytes on
// each of the ~100 requests of an install. nosniff and Cross-Origin-Resource-Policy stay.
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy', 'cross-origin-opener-policy', 'origin-agent-cluster', 'referrer-policy',
  'x-dns-prefetch-control', 'x-download-options', 'x-frame-options', 'x-permitted-cross-domain-policies', 'x-xss-protection',
]

export function cacheControlFor(root: string, filePath: string): string {
  if (filePath.startsWith(join(root, 'assets') + sep) || filePath.startsWith(join(root, 'phone', 'assets') + sep)) return IMMUTABLE
  // A precompressed sibling (`sw.js.br`) is cached like the file it stands for.
  if (NEVER_CACHED.test(basename(filePath).replace(/\.(br|gz)$/, ''))) return 'no-store'
  return 'no-cache'
}

/**
 * Serves the built PWA. Unknown API paths get a JSON 404; any other HTML navigation gets
 * index.html so client-side routes (e.g. /enrol?code=…) work on reload. Each file, index.html
 * fallback included, goes out as the brotli or gzip copy `npm run build` wrote next to it when
 * the client accepts one (`Content-Encoding`, `Vary: Accept-Encoding`).
 */
export async function registerStaticFiles(app: FastifyInstance, root: string | false): Promise<void> {
  const hasApp = root !== false && existsSync(join(root, 'index.html'))
  if (hasApp) {
    await app.register(fastifyStatic, {
      root,
      preCompressed: true,
      cacheControl: false,
      etag: true,
      // The etag alone revalidates index.html and the worker; hashed assets never revalidate.
      lastModified: false,
      setHeaders: (reply, filePath) => {
        const cacheControl = cacheControlFor(root, filePath)
        reply.header('cache-control', cacheControl)
        if (cacheControl === IMMUTABLE) for (const name of DOCUMENT_ONLY_HEADERS) reply.raw.removeHeader(name)
      },
    })
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const isNavigation =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      request.url !== '/api' &&
      (request.headers.accept ?? '').includes('text/html')
    if (hasApp && isNavigation) return reply.header('cache-control', 'no-store').sendFile('index.html')
    return sendApiNotFound(request, reply)
  })
}
