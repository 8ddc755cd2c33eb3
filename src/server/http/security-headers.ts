import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/**
 * The CSP of docs/architecture.md ("Security"): everything first-party, no framing, no inline
 * scripts but the page's launch script, allowed by its hash (registerSecurityHeaders).
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
}

/** `scriptHashes`: the CSP sources of the page's inline scripts as served now (http/inline-scripts.ts). */
export async function registerSecurityHeaders(app: FastifyInstance, tls: boolean, scriptHashes: () => string[] = () => []): Promise<void> {
  const scriptSrc = () => [...contentSecurityPolicy['script-src'], ...scriptHashes()].join(' ')
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...contentSecurityPolicy, 'script-src': [scriptSrc] } },
    // HSTS over plain http would be ignored at best; only send it when we terminate TLS.
    strictTransportSecurity: tls ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  })
}
