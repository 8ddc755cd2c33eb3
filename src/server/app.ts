import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { defaultRateLimits, defaultStaticRoot, type AppOptions, type RateLimits } from './app-options.js'
import type { Database } from './db/database.table.js'
import { migrateToLatest } from './db/migrate.js'
import { openDatabase } from './db/open-database.js'
import { installErrorHandlers } from './http/api-error.js'
import { registerSecurityHeaders } from './http/security-headers.js'
import { registerStaticFiles } from './http/static-files.js'
import { adminRoutes } from './routes/admin-routes.js'
import { authRoutes } from './routes/auth-routes.js'
import { enrolRoute } from './routes/enrol-route.js'
import { healthRoutes } from './routes/health.js'
import { openApiRoute } from './routes/openapi-route.js'
import { syncRoutes } from './routes/sync-routes.js'
import { ensureAdmin, seedDemoDocuments } from './seed.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    clock: () => Date
    rateLimits: RateLimits
    settings: { tls: boolean; publicOrigin: string | undefined }
  }
}

/** Builds the whole server (API, static PWA, database migrated and seeded); does not listen. */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const tls = Boolean(options.https)
  // The raw server type (http or https) does not matter to any route: erase it.
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // Push raises its own limit to PUSH_MAX_BYTES; everything else is small.
    bodyLimit: 64 * 1024,
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance
  const opened = openDatabase({
    dataDir: options.dataDir ?? './data',
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}),
  })
  app.decorate('db', opened.db)
  app.decorate('clock', options.clock ?? (() => new Date()))
  app.decorate('rateLimits', { ...defaultRateLimits, ...options.rateLimits })
  app.decorate('settings', { tls, publicOrigin: options.publicOrigin })
  app.addHook('onClose', async () => opened.db.destroy())

  try {
    await migrateToLatest(opened)
    await ensureAdmin(opened.db, options, app.clock())
    await seedDemoDocuments(opened.db, app.clock())
  } catch (error) {
    await opened.db.destroy()
    throw error
  }

  installErrorHandlers(app)
  await registerSecurityHeaders(app, tls)
  await app.register(cookie)
  await app.register(rateLimit, { global: false })
  await app.register(healthRoutes)
  await app.register(openApiRoute)
  await app.register(syncRoutes)
  await app.register(enrolRoute)
  await app.register(authRoutes)
  await app.register(adminRoutes, { prefix: '/api/v1/admin' })
  await registerStaticFiles(app, options.staticRoot ?? defaultStaticRoot)
  return app
}
