import type { FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../domain-errors.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const JSON_ONLY = ['application/json']

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Body types a state-changing route takes besides JSON's default (none a cross-site form can send). */
    bodyTypes?: readonly string[]
  }
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined
  }
}

/**
 * CSRF defence for cookie-authenticated and public state-changing routes: the browser must
 * say the request comes from our own pages (Origin naming this host, or Sec-Fetch-Site:
 * same-origin), and the body must be JSON (a cross-site form can send text/plain or form
 * data without a preflight, never application/json). Hosts are compared, not schemes, so
 * a TLS-terminating proxy does not break it.
 */
export function sameOriginGuard(options: { publicOrigin?: string; requireOrigin: boolean }) {
  const allowedHost = options.publicOrigin ? originHost(options.publicOrigin) : undefined
  return async function checkSameOrigin(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    if (SAFE_METHODS.has(request.method)) return
    const origin = request.headers.origin
    const fetchSite = request.headers['sec-fetch-site']
    let sameOrigin: boolean
    if (typeof origin === 'string' && origin !== 'null') {
      const host = originHost(origin)
      sameOrigin = host !== undefined && (host === request.host || host === allowedHost)
    } else if (typeof fetchSite === 'string') {
      sameOrigin = fetchSite === 'same-origin'
    } else {
      // Neither header: not a browser (browsers send Origin on every POST), so no ambient cookie to abuse.
      sameOrigin = !options.requireOrigin
    }
    if (!sameOrigin) throw new DomainError('forbidden', 'cross_origin', 'Cross-origin requests are refused')
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
    const accepted = (request.routeOptions.config as { bodyTypes?: readonly string[] }).bodyTypes ?? JSON_ONLY
    if (!accepted.includes(type)) throw new DomainError('media_type', 'unsupported_media_type', `Send the body as ${accepted.join(' or ')}`)
  }
}
