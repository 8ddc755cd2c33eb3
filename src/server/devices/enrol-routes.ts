import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { enrolRequestSchema, enrolResponseSchema } from '../../shared/sync-protocol.js'
import { limitPerAddress } from '../http/rate-limits.js'
import { errors } from '../http/route-schemas.js'
import { enrolDevice } from './devices-service.js'

/** POST /api/v1/enrol: public, limited per address (codes are short). */
export const enrolRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/enrol', {
    config: limitPerAddress(app.rateLimits.publicPerMinute),
    schema: {
      // Stryker disable next-line StringLiteral: OpenAPI documentation text, not behaviour.
      summary: 'Exchange a single-use enrolment code for a device token',
      body: enrolRequestSchema,
      // Stryker disable next-line ObjectLiteral: the response schema serialises exactly what the handler returns.
      response: { 200: enrolResponseSchema, ...errors(400, 403, 409, 410, 415, 429) },
    },
  }, async (request) => enrolDevice(app.db, request.body, app.clock()))
}
