import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RateLimits } from './app-options.js'
import type { StartOptions } from './start-server.js'

/**
 * Environment → server options.
 * PORT (8080), HOST (127.0.0.1; set 0.0.0.0 so tablets on the LAN can reach it, and then
 * serve TLS: service workers need a secure origin), DATA_DIR (./data), DATABASE_URL
 * (PostgreSQL; unset = SQLite in DATA_DIR), PG_SCHEMA (optional PostgreSQL schema, created if
 * missing), TLS_CERT + TLS_KEY (PEM files: HTTPS),
 * TRUST_PROXY=true (behind a reverse proxy), PUBLIC_ORIGIN (origin used in enrolment
 * links), ADMIN_USER / ADMIN_PASSWORD (first start only), STATIC_ROOT (built PWA),
 * RATE_LIMIT_DEVICE_PER_MINUTE / RATE_LIMIT_PUBLIC_PER_MINUTE / RATE_LIMIT_ADMIN_PER_MINUTE.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StartOptions {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0-65535, got ${env.PORT}`)
  if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) throw new Error('TLS_CERT and TLS_KEY go together')
  // Same rule as the login schema, or the first admin could never log in.
  if (env.ADMIN_USER && !/^[a-zA-Z0-9._-]{3,40}$/.test(env.ADMIN_USER)) throw new Error('ADMIN_USER: 3-40 of a-z A-Z 0-9 . _ -')
  const dataDir = env.DATA_DIR ?? './data'
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    logger: true,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_URL && env.PG_SCHEMA ? { pgSchema: env.PG_SCHEMA } : {}),
    ...(env.TLS_CERT && env.TLS_KEY
      ? { https: { cert: readFileSync(env.TLS_CERT), key: readFileSync(env.TLS_KEY) } }
      : {}),
    trustProxy: env.TRUST_PROXY === 'true',
    ...(env.PUBLIC_ORIGIN ? { publicOrigin: env.PUBLIC_ORIGIN } : {}),
    ...(env.STATIC_ROOT ? { staticRoot: env.STATIC_ROOT } : {}),
    rateLimits: {
      ...positiveInt(env, 'RATE_LIMIT_DEVICE_PER_MINUTE', 'devicePerMinute'),
      ...positiveInt(env, 'RATE_LIMIT_PUBLIC_PER_MINUTE', 'publicPerMinute'),
      ...positiveInt(env, 'RATE_LIMIT_ADMIN_PER_MINUTE', 'adminPerMinute'),
    },
    admin: {
      ...(env.ADMIN_USER ? { username: env.ADMIN_USER } : {}),
      ...(env.ADMIN_PASSWORD ? { password: env.ADMIN_PASSWORD } : {}),
    },
  }
}

function positiveInt<K extends keyof RateLimits>(env: NodeJS.ProcessEnv, name: string, key: K): Partial<RateLimits> {
  const raw = env[name]
  if (raw === undefined || raw === '') return {}
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`)
  return { [key]: value }
}

export function describeDatabase(options: StartOptions): string {
  return options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${join(options.dataDir ?? './data', 'corner.sqlite')}`
}
