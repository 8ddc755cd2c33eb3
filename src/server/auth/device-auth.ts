import type { FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../http/api-error.js'
import { findDeviceIdByToken } from '../repos/devices.js'
import { sha256 } from './secrets.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireDevice: the enrolled, unrevoked device behind the bearer token. */
    deviceId?: string
  }
}

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

/** onRequest hook: runs before the body is read, so a bad token costs no parsing. */
export async function requireDevice(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = bearerToken(request)
  const deviceId = token ? await findDeviceIdByToken(request.server.db, sha256(token)) : undefined
  if (!deviceId) throw new HttpError(401, 'unauthorized', 'Missing, unknown or revoked device token')
  request.deviceId = deviceId
}

/** X-Queued-Count: the tablet's outbox size, shown to coordinators; ignored when malformed. */
export function queuedCountHeader(request: FastifyRequest): number | undefined {
  const raw = request.headers['x-queued-count']
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) return undefined
  return Number(raw)
}
