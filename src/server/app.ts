import cookie from '@fastify/cookie'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { defaultLoginThrottle, ensureAdmin, type LoginThrottle } from './accounts/accounts-service.js'
import { DEFAULT_AGENCY_DOMAINS } from '../shared/contents.js'
import { apiV1 } from './api-v1.js'
import { defaultStaticRoot, type AppOptions } from './app-options.js'
import type { Database } from './db/database.table.js'
import { migrateToLatest } from './db/migrate.js'
import { openDatabase } from './db/open-database.js'
import { seedDemoDocuments } from './documents/seed.js'
import { oneStarterAtATime } from './db/startup-lock.js'
import { mediaRoutes } from './contents/media-routes.js'
import { healthRoutes } from './health/health-routes.js'
import { createLinkCountBuffer, type LinkCountBuffer } from './landing/link-count-buffer.js'
import { landingRoutes } from './landing/landing-routes.js'
import { installErrorHandler } from './http/error-handler.js'
import { redactedRequest } from './http/log-redaction.js'
import { registerOpenApi } from './http/openapi.js'
import { defaultRateLimits, registerRateLimits, type RateLimits } from './http/rate-limits.js'
import { pageScriptHashes } from './http/inline-scripts.js'
import { closePromptly } from './http/prompt-close.js'
import { registerSecurityHeaders } from './http/security-headers.js'
import { registerStaticFiles } from './http/static-files.js'
import { phonePageRoutes } from './phone/phone-page-routes.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    clock: () => Date
    /** Scan and feedback counts waiting to be written (landing/link-count-buffer.ts). */
    linkCounts: LinkCountBuffer
    rateLimits: RateLimits
    settings: {
      tls: boolean
      publicOrigin: string | undefined
      loginThrottle: LoginThrottle
      maxOpenEventsPerDevice: number
      dataDir: string
      agencyDomains: readonly string[]
    }
  }
}

const DEFAULT_REQUEST_TIMEOUT_MS = 60_000

/**
 * A hop count trusts the nearest N hops whoever they are (fastify itself refuses to, since
 * it cannot check the nearest one): right only when the server is reachable through the
 * proxies alone. Addresses are checked. See docs/deployment.md.
 */
function trustProxyOption(trust: AppOptions['trustProxy']): string[] | ((address: string, hop: number) => boolean) | false {
  if (trust === undefined) return false
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return trust
}

/**
 * Builds the whole server, as fastify/demo does: framework plugins, then the database
 * (migrated and seeded), then the API tree, then the static PWA. Does not listen.
 */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const tls = Boolean(options.https)
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const app = Fastify({
    logger: options.logger ? { serializers: { req: redactedRequest } } : false,
    trustProxy: trustProxyOption(options.trustProxy),
    // Push raises its own limit to PUSH_MAX_BYTES; everything else is small.
    bodyLimit: 64 * 1024,
    // A body trickled in byte by byte must not hold a socket for minutes.
    requestTimeout,
    connectionTimeout: 2 * requestTimeout,
    http: { headersTimeout: Math.min(requestTimeout, 30_000), connectionsCheckingInterval: Math.min(requestTimeout, 5_000) },
    ...(options.https ? { https: { ...options.https, connectionsCheckingInterval: Math.min(requestTimeout, 5_000) } } : {}),
  }) as unknown as FastifyInstance
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // Only JSON bodies: a cross-site form can post text/plain without asking first.
  app.removeContentTypeParser('text/plain')

  const opened = await openDatabase({
    dataDir: options.dataDir ?? './data',
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}),
  })
  app.decorate('db', opened.db)
  app.decorate('clock', options.clock ?? (() => new Date()))
  app.decorate('rateLimits', { ...defaultRateLimits, ...options.rateLimits })
  app.decorate('settings', {
    tls,
    publicOrigin: options.publicOrigin,
    loginThrottle: { ...defaultLoginThrottle, ...options.loginThrottle },
    maxOpenEventsPerDevice: options.maxOpenEventsPerDevice ?? 200,
    dataDir: options.dataDir ?? './data',
    agencyDomains: options.agencyDomains ?? DEFAULT_AGENCY_DOMAINS,
  })
  const linkCounts = createLinkCountBuffer(opened.db)
  app.decorate('linkCounts', linkCounts)
  // Counts are written before the database closes.
  app.addHook('onClose', async () => {
    await linkCounts.close()
    await opened.close()
  })

  try {
    await oneStarterAtATime(opened, async () => {
      await migrateToLatest(opened)
      const admin = await ensureAdmin(opened.db, options.admin, app.clock())
      if (admin) options.onAdminCreated?.(admin)
      await seedDemoDocuments(opened.db, app.clock())
    })
  } catch (error) {
    await opened.close()
    throw error
  }

  installErrorHandler(app)
  closePromptly(app)
  const staticRoot = options.staticRoot ?? defaultStaticRoot
  await registerSecurityHeaders(app, tls, pageScriptHashes(staticRoot))
  await app.register(cookie)
  await registerRateLimits(app, options.redisUrl, options.rateLimitNamespace ?? 'corner-rl-')
  await registerOpenApi(app)
  await app.register(healthRoutes)
  await app.register(apiV1, { prefix: '/api/v1' })
  await app.register(landingRoutes)
  await app.register(mediaRoutes)
  await app.register(phonePageRoutes, { root: staticRoot })
  await registerStaticFiles(app, staticRoot)
  return app
}
