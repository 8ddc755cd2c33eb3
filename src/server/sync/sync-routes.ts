import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  PROTOCOL_HEADER, PUSH_MAX_BYTES, PUSH_MAX_EVENTS, PUSH_MAX_FACTS, pullQuerySchema, pullResponseSchema, pushRequestSchema,
  pushResponseSchema,
} from '../../shared/sync-protocol.js'
import { queuedCountHeader, requestDevice } from '../devices/device-auth.js'
import { DomainError } from '../domain-errors.js'
import { perDevice } from '../http/rate-limits.js'
import { deviceSecurity, errors } from '../http/route-schemas.js'
import { pullDocuments } from './pull-service.js'
import { pullResponseV1Schema, toV1Page } from './protocol-v1.js'
import { applyPush } from './push-service.js'

/** Checked before the schema so an oversize batch gets its own code, not a generic schema error. */
function assertBatchSize(body: unknown): void {
  if (typeof body !== 'object' || body === null) return
  const { facts, events } = body as { facts?: unknown; events?: unknown }
  if ((Array.isArray(facts) && facts.length > PUSH_MAX_FACTS) || (Array.isArray(events) && events.length > PUSH_MAX_EVENTS)) {
    throw new DomainError('too_large', 'batch_too_large', `At most ${PUSH_MAX_FACTS} facts and ${PUSH_MAX_EVENTS} events per push`)
  }
}

// Loose: the validated value replaces request.headers, and every other header must survive.
// Stryker disable next-line StringLiteral: OpenAPI documentation text, not behaviour.
const protocolHeader = z.looseObject({ [PROTOCOL_HEADER]: z.string().optional().describe('2 for clients that ignore unknown fields; absent = version 1') })

/** /api/v1/push and /pull: the device branch has authenticated the token before the body is read. */
export const syncRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = perDevice(app.rateLimits)

  app.post('/push', {
    bodyLimit: PUSH_MAX_BYTES,
    config,
    preValidation: async (request) => assertBatchSize(request.body),
    schema: {
      // Stryker disable next-line StringLiteral: OpenAPI documentation text, not behaviour.
      summary: 'Push a batch of facts and offline events (one transaction, idempotent by id)',
      security: deviceSecurity, headers: protocolHeader, body: pushRequestSchema,
      // Stryker disable next-line ObjectLiteral: the response schemas document and serialise exactly what the handler returns.
      response: { 200: pushResponseSchema, ...errors(400, 401, 403, 413, 415, 429) },
    },
  }, async (request) => {
    const now = app.clock()
    const queuedCount = queuedCountHeader(request)
    const results = await applyPush(app.db, {
      deviceId: requestDevice(request), facts: request.body.facts, events: request.body.events, now,
      maxOpenEvents: app.settings.maxOpenEventsPerDevice, ...(queuedCount === undefined ? {} : { queuedCount }),
    })
    return { results, serverTime: now.toISOString() }
  })

  app.get('/pull', {
    config,
    schema: {
      // Stryker disable next-line StringLiteral: OpenAPI documentation text, not behaviour.
      summary: 'One page of documents changed since a cursor, and live totals of an event',
      security: deviceSecurity, headers: protocolHeader, querystring: pullQuerySchema,
      // Stryker disable next-line ObjectLiteral: the response schemas document and serialise exactly what the handler returns (toV1Page picks the version 1 fields itself).
      response: { 200: z.union([pullResponseSchema, pullResponseV1Schema]), ...errors(400, 401, 429) },
    },
  }, async (request) => {
    const queuedCount = queuedCountHeader(request)
    const page = await pullDocuments(app.db, {
      deviceId: requestDevice(request), cursor: request.query.cursor, now: app.clock(),
      ...(request.query.eventId ? { eventId: request.query.eventId } : {}),
      ...(queuedCount === undefined ? {} : { queuedCount }),
    })
    return Number(request.headers[PROTOCOL_HEADER]) >= 2 ? page : toV1Page(page)
  })
}
