import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { kitsResponseSchema } from '../../shared/admin-protocol.js'
import { perAccount } from '../http/rate-limits.js'
import { errors, sessionSecurity } from '../http/route-schemas.js'
import { listKits } from './documents-repository.js'

/** /api/v1/admin/kits. */
export const kitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/kits', {
    config: perAccount(app.rateLimits),
    schema: { summary: 'All kits', security: sessionSecurity, response: { 200: kitsResponseSchema, ...errors(401, 429) } },
  }, async () => ({ kits: await listKits(app.db) }))
}
