import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { kitsResponseSchema, updateKitRequestSchema } from '../../shared/admin-protocol.js'
import { kitDocumentSchema } from '../../shared/records.js'
import { perAccount } from '../http/rate-limits.js'
import { errors, idParams, sessionSecurity } from '../http/route-schemas.js'
import { editKit, listAllKits } from './kits-service.js'

/** /api/v1/admin/kits. */
export const kitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = perAccount(app.rateLimits)
  app.get('/kits', {
    config, schema: { summary: 'All kits', security: sessionSecurity, response: { 200: kitsResponseSchema, ...errors(401, 429) } },
  }, async () => ({ kits: await listAllKits(app.db) }))

  app.put('/kits/:id', {
    config,
    schema: {
      summary: 'Change a kit (new version; its surveys must be published)', security: sessionSecurity,
      params: idParams, body: updateKitRequestSchema, response: { 200: kitDocumentSchema, ...errors(400, 401, 403, 404, 409, 415, 429) },
    },
  }, async (request) => editKit(app.db, request.params.id, request.body, app.clock()))
}
