import type { FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../domain-errors.js'
import { sha256 } from '../tokens.js'
import { findSession } from './sessions-repository.js'

export const SESSION_COOKIE = 'corner_session'

export interface SessionAccount {
  id: string
  username: string
  expiresAt: string
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The coordinator behind the session cookie, set by loadSession. */
    account?: SessionAccount
  }
}

/** onRequest: looks the cookie up (the rate limit then keys on the session); refuses nothing yet. */
export async function loadSession(request: FastifyRequest): Promise<void> {
  const token = request.cookies[SESSION_COOKIE]
  if (!token) return
  const session = await findSession(request.server.db, sha256(token), request.server.clock().toISOString())
  if (session) request.account = { id: session.accountId, username: session.username, expiresAt: session.expiresAt }
}

/** preParsing: after the rate limit, before the body is read. */
export async function requireSession(request: FastifyRequest): Promise<void> {
  if (!request.account) throw new DomainError('unauthorized', 'unauthorized', 'Log in as a coordinator first')
}

export function sessionAccount(request: FastifyRequest): SessionAccount {
  if (!request.account) throw new DomainError('unauthorized', 'unauthorized', 'Log in as a coordinator first')
  return request.account
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    // On plain http://localhost a secure cookie would be dropped by the browser; behind a
    // TLS proxy (TRUST_PROXY) request.protocol is https and the cookie is secure.
    secure: request.server.settings.tls || request.protocol === 'https',
    expires: new Date(expiresAt),
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.server.settings.tls || request.protocol === 'https' })
}
