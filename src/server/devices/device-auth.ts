import type { FastifyRequest } from 'fastify'
import { DomainError } from '../domain-errors.js'
import { deviceForToken } from './devices-service.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The enrolled device behind the bearer token, set by loadDevice. */
    device?: { id: string }
  }
}

const TOKEN = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/

/**
 * onRequest, before the body is read: the token is checked against the database, so the
 * rate limit that follows keys on the real device — and requests with unknown tokens share
 * their address's public bucket, however many random tokens they try.
 */
export async function loadDevice(request: FastifyRequest): Promise<void> {
  // Stryker disable next-line StringLiteral: any fallback that is not a well-formed "Bearer <token>" finds no token.
  const token = TOKEN.exec(request.headers.authorization ?? '')?.[1]
  if (!token) return
  const deviceId = await deviceForToken(request.server.db, token)
  if (deviceId) request.device = { id: deviceId }
}

/** preParsing: after the rate limit; nothing of the body is parsed for an unknown token. */
export async function requireDevice(request: FastifyRequest): Promise<void> {
  if (!request.device) throw new DomainError('unauthorized', 'unauthorized', 'Missing, unknown or revoked device token')
}

export function requestDevice(request: FastifyRequest): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: requireDevice (preParsing) has refused a request without a device before any handler asks.
  if (!request.device) throw new DomainError('unauthorized', 'unauthorized', 'Missing, unknown or revoked device token')
  return request.device.id
}

/** X-Queued-Count: the tablet's outbox size, shown to coordinators; ignored when malformed. */
export function queuedCountHeader(request: FastifyRequest): number | undefined {
  const raw = request.headers['x-queued-count']
  // Stryker disable next-line ConditionalExpression: Node joins a repeated custom header into one string; undefined fails the pattern too.
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) return undefined
  return Number(raw)
}
