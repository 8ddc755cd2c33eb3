import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { createEventRequestSchema, eventsResponseSchema, updateEventRequestSchema } from '../../shared/admin-protocol.js'
import { eventDocumentSchema as eventSchema } from '../../shared/records.js'
import { perAccount } from '../http/rate-limits.js'
import { emptyBody, errors, idParams, sessionSecurity } from '../http/route-schemas.js'
import { closeEvent, createEvent, editEvent, listAllEvents } from './events-service.js'

/** /api/v1/admin/events: events prepared centrally (tablets pull them). */
export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  const security = sessionSecurity
  const config = perAccount(app.rateLimits)

  app.get('/events', {
    config, schema: { summary: 'All events', security, response: { 200: eventsResponseSchema, ...errors(401, 429) } },
  }, async () => ({ events: await listAllEvents(app.db) }))

  app.post('/events', {
    config,
    schema: { summary: 'Create an event', security, body: createEventRequestSchema, response: { 201: eventSchema, ...errors(400, 401, 403, 409, 415, 429) } },
  }, async (request, reply) => reply.code(201).send(await createEvent(app.db, request.body, app.clock())))

  app.put('/events/:id', {
    config,
    schema: {
      summary: 'Edit an event (new version; 409 version_conflict when `version` is not the current one)', security,
      params: idParams, body: updateEventRequestSchema, response: { 200: eventSchema, ...errors(400, 401, 403, 404, 409, 415, 429) },
    },
  }, async (request) => editEvent(app.db, request.params.id, request.body, app.clock()))

  app.post('/events/:id/close', {
    config,
    schema: { summary: 'Close an event', security, params: idParams, body: emptyBody, response: { 200: eventSchema, ...errors(401, 403, 404, 415, 429) } },
  }, async (request) => closeEvent(app.db, request.params.id, app.clock()))
}
