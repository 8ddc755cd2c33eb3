import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { QR_CODE_PATTERN } from '../../shared/qr-codes.js'
import { limitPerAddress } from '../http/rate-limits.js'

/** Only this server: its script, its style, its API; nothing inline, no frames, no forms elsewhere. */
export const PHONE_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ')

/**
 * /s/{code}: the survey on the visitor's phone, a small page of its own (src/phone, built into
 * dist/phone). The page asks /api/v1/codes/{code}/survey itself, so an unknown or closed code is
 * explained there, in the phone's language, and so is a malformed one (served with a 404). No cookie, nothing about the phone kept.
 */
export async function phonePageRoutes(app: FastifyInstance, options: { root: string | false }): Promise<void> {
  let html: string | undefined
  const page = () => {
    if (html === undefined && options.root !== false) {
      try {
        html = readFileSync(join(options.root, 'phone', 'phone.html'), 'utf8')
      } catch {
        return undefined
      }
    }
    return html
  }
  app.get('/s/:code', { config: limitPerAddress(app.rateLimits.landingPerMinute), schema: { hide: true } }, async (request: FastifyRequest<{ Params: { code: string } }>, reply) => {
    const body = page()
    if (!body) return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('Not found')
    // A code that cannot exist still gets the page (with a 404): it says so in the phone's language.
    if (!QR_CODE_PATTERN.test(request.params.code)) reply.code(404)
    return reply.header('content-security-policy', PHONE_CSP).header('cache-control', 'no-cache').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8').send(body)
  })
}
