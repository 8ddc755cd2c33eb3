import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/database.table.js'
import { HttpError } from '../http/api-error.js'
import { findDeviceIdByToken } from '../repos/devices.js'
import { sha256 } from './secrets.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireBearer: SHA-256 of the bearer token, checked against the database later. */
    deviceTokenHash?: string
  }
}

const unauthorized = () => new HttpError(401, 'unauthorized', 'Missing, unknown or revoked device token')

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  const match = header ? /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header) : null
  return match?.[1]
}

/** Rate-limit key: tablets at one venue share an IP, so each token gets its own bucket. */
export function deviceRateKey(request: FastifyRequest): string {
  const token = bearerToken(request)
  return token ? `device:${sha256(token)}` : `ip:${request.ip}`
}

/** onRequest hook: a request without a well-formed token is refused before its body is read. */
export async function requireBearer(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = bearerToken(request)
  if (!token) throw unauthorized()
  request.deviceTokenHash = sha256(token)
}

/**
 * The device behind the token, looked up inside the request's own transaction: one trip
 * through the (single, on SQLite) connection per request instead of two, and a revocation
 * committed before the push began is always seen.
 */
export async function authenticateDevice(db: Kysely<Database> | Transaction<Database>, tokenHash: string | undefined): Promise<string> {
  const deviceId = tokenHash ? await findDeviceIdByToken(db, tokenHash) : undefined
  if (!deviceId) throw unauthorized()
  return deviceId
}

/** X-Queued-Count: the tablet's outbox size, shown to coordinators; ignored when malformed. */
export function queuedCountHeader(request: FastifyRequest): number | undefined {
  const raw = request.headers['x-queued-count']
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) return undefined
  return Number(raw)
}
