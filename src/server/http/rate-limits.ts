import rateLimit, { normalizeIP, type RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Redis } from 'ioredis'

export interface RateLimits {
  /** Requests per minute per enrolled device on push/pull. */
  devicePerMinute: number
  /** Requests per minute per client address on public routes and for unauthenticated requests. */
  publicPerMinute: number
  /** Requests per minute per coordinator session. */
  adminPerMinute: number
  /** Landing-page requests per minute per address (phones on a mobile network share addresses). */
  landingPerMinute: number
  /** Phone survey submissions per minute per QR code. */
  phonePerCodePerMinute: number
}

export const defaultRateLimits: RateLimits = { devicePerMinute: 600, publicPerMinute: 20, adminPerMinute: 600, landingPerMinute: 120, phonePerCodePerMinute: 60 }

/**
 * @fastify/rate-limit, route by route. With REDIS_URL the counters live in Redis, so a limit
 * holds across every server process; without it each process counts alone (fine for one).
 * Redis trouble lets requests through (and is logged) rather than stopping every tablet.
 */
export async function registerRateLimits(app: FastifyInstance, redisUrl: string | undefined, namespace: string): Promise<void> {
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: false }) : undefined
  if (redis) {
    redis.on('error', (error) => app.log.warn({ err: error }, 'rate-limit store unreachable'))
    app.addHook('onClose', async () => void (await redis.quit().catch(() => redis.disconnect())))
  }
  await app.register(rateLimit, { global: false, skipOnError: true, ...(redis ? { redis, nameSpace: namespace } : {}) })
}

/**
 * The address a client is counted by: an IPv6 host is usually given a whole /64 and may pick
 * any address in it, so it is counted by its /64; an IPv4-mapped address as its IPv4 one.
 * @fastify/rate-limit's own normalisation, also used where its key is ours (login throttle).
 */
export function clientAddress(ip: string): string {
  return normalizeIP(ip, 64)
}

/** Route config: one bucket per authenticated principal, else one per client address at the public limit. */
export function limitBy(
  principal: (request: FastifyRequest) => string | undefined,
  authenticatedMax: number,
  publicMax: number,
): { rateLimit: RateLimitOptions } {
  return {
    rateLimit: {
      timeWindow: 60_000,
      keyGenerator: (request) => principal(request) ?? `ip:${clientAddress(request.ip)}`,
      max: (request) => (principal(request) ? authenticatedMax : publicMax),
    },
  }
}

/** Route config for public routes: per client address. */
export function limitPerAddress(max: number): { rateLimit: RateLimitOptions } {
  return { rateLimit: { timeWindow: 60_000, max, keyGenerator: (request) => `ip:${clientAddress(request.ip)}` } }
}

/** Coordinator routes: per session's account, anonymous callers per address. */
export const perAccount = (limits: RateLimits) =>
  limitBy((r) => r.account && `account:${r.account.id}`, limits.adminPerMinute, limits.publicPerMinute)

/** Sync routes: per enrolled device (tablets at one venue share an address), unknown tokens per address. */
export const perDevice = (limits: RateLimits) =>
  limitBy((r) => r.device && `device:${r.device.id}`, limits.devicePerMinute, limits.publicPerMinute)
