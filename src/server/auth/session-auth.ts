import type { FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../http/api-error.js'
import { findSession } from '../repos/accounts.js'
import { sha256 } from './secrets.js'

export const SESSION_COOKIE = 'corner_session'
export const SESSION_HOURS = 12

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireSession. */
    account?: { id: string; username: string; expiresAt: string }
  }
}

export async function requireSession(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE]
  const session = token ? await findSession(request.server.db, sha256(token), request.server.clock().toISOString()) : undefined
  if (!session) throw new HttpError(401, 'unauthorized', 'Log in as a coordinator first')
  request.account = { id: session.accountId, username: session.username, expiresAt: session.expiresAt }
}

/** Per-session bucket for coordinator routes, per-IP before login. */
export function sessionRateKey(request: FastifyRequest): string {
  const token = request.cookies[SESSION_COOKIE]
  return token ? `session:${sha256(token)}` : `ip:${request.ip}`
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    // On plain http://localhost a secure cookie would be dropped by the browser; behind a
    // TLS proxy (TRUST_PROXY) request.protocol is https and the cookie is secure.
    secure: request.server.settings.tls || request.protocol === 'https',
    expires,
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.server.settings.tls || request.protocol === 'https' })
}
