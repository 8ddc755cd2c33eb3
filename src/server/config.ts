import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIN_PASSWORD_LENGTH } from './accounts/passwords.js'
import type { AppOptions } from './app-options.js'
import type { RateLimits } from './http/rate-limits.js'
import type { StartOptions } from './start-server.js'

export interface ServerConfig extends StartOptions {
  /** Worker processes (PostgreSQL only; SQLite is one process). */
  workers: number
}

/**
 * Environment → server options. Every variable is listed in README.md ("Start it") and
 * docs/deployment.md; a wrong value stops the start with a message naming it.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0-65535, got ${env.PORT}`)
  if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) throw new Error('TLS_CERT and TLS_KEY go together')
  // Same rules as the login and account schemas, or the first admin could never log in.
  if (env.ADMIN_USER && !/^[a-zA-Z0-9._-]{3,40}$/.test(env.ADMIN_USER)) throw new Error('ADMIN_USER: 3-40 of a-z A-Z 0-9 . _ -')
  if (env.ADMIN_PASSWORD !== undefined && env.ADMIN_PASSWORD.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`)
  }
  const workers = env.WEB_CONCURRENCY ? positive(env, 'WEB_CONCURRENCY') : 1
  if (workers > 1 && !env.DATABASE_URL) throw new Error('WEB_CONCURRENCY > 1 needs PostgreSQL (DATABASE_URL): SQLite is served by one process')
  const maxOpenEvents = env.MAX_OPEN_EVENTS_PER_DEVICE ? positive(env, 'MAX_OPEN_EVENTS_PER_DEVICE') : undefined
  const trustProxy = trustProxyFromEnv(env.TRUST_PROXY)
  const dataDir = env.DATA_DIR ?? './data'
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    workers,
    logger: true,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_URL && env.PG_SCHEMA ? { pgSchema: env.PG_SCHEMA } : {}),
    ...(env.TLS_CERT && env.TLS_KEY ? { https: { cert: readFileSync(env.TLS_CERT), key: readFileSync(env.TLS_KEY) } } : {}),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(env.RATE_LIMIT_NAMESPACE ? { rateLimitNamespace: env.RATE_LIMIT_NAMESPACE } : {}),
    ...(env.PUBLIC_ORIGIN ? { publicOrigin: env.PUBLIC_ORIGIN } : {}),
    ...(env.AGENCY_DOMAINS ? { agencyDomains: env.AGENCY_DOMAINS.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean) } : {}),
    ...(env.STATIC_ROOT ? { staticRoot: env.STATIC_ROOT } : {}),
    ...(maxOpenEvents ? { maxOpenEventsPerDevice: maxOpenEvents } : {}),
    rateLimits: {
      ...rate(env, 'RATE_LIMIT_DEVICE_PER_MINUTE', 'devicePerMinute'),
      ...rate(env, 'RATE_LIMIT_PUBLIC_PER_MINUTE', 'publicPerMinute'),
      ...rate(env, 'RATE_LIMIT_ADMIN_PER_MINUTE', 'adminPerMinute'),
      ...rate(env, 'RATE_LIMIT_LANDING_PER_MINUTE', 'landingPerMinute'),
      ...rate(env, 'RATE_LIMIT_PHONE_PER_CODE_PER_MINUTE', 'phonePerCodePerMinute'),
    },
    admin: {
      ...(env.ADMIN_USER ? { username: env.ADMIN_USER } : {}),
      ...(env.ADMIN_PASSWORD ? { password: env.ADMIN_PASSWORD } : {}),
    },
  }
}

/** A hop count ("1": one proxy in front) or the proxies' addresses ("10.0.0.2,10.0.1.0/24"). */
export function trustProxyFromEnv(raw: string | undefined): AppOptions['trustProxy'] {
  if (raw === undefined || raw === '' || raw === 'false') return undefined
  if (raw === 'true') {
    throw new Error('TRUST_PROXY=true would trust any X-Forwarded-For (clients could choose their own address): give the number of proxies in front (e.g. TRUST_PROXY=1) or their addresses')
  }
  if (/^\d+$/.test(raw)) return Number(raw)
  const addresses = raw.split(',').map((a) => a.trim()).filter(Boolean)
  if (!addresses.every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a))) throw new Error(`TRUST_PROXY: a hop count or IP addresses/CIDRs, got ${raw}`)
  return addresses
}

function positive(env: NodeJS.ProcessEnv, name: string): number {
  const value = Number(env[name])
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${env[name]}`)
  return value
}

function rate<K extends keyof RateLimits>(env: NodeJS.ProcessEnv, name: string, key: K): Partial<RateLimits> {
  return env[name] === undefined || env[name] === '' ? {} : { [key]: positive(env, name) }
}

export function describeDatabase(options: StartOptions): string {
  return options.databaseUrl ? `PostgreSQL (DATABASE_URL, schema ${options.pgSchema ?? 'default'})` : `SQLite ${join(options.dataDir ?? './data', 'corner.sqlite')}`
}
