import type { FastifyInstance } from 'fastify'
import {
  PUSH_MAX_BYTES, PUSH_MAX_EVENTS, PUSH_MAX_FACTS, pullQuerySchema, pushRequestSchema,
  type PullResponse, type PushResponse,
} from '../../shared/sync-protocol.js'
import { authenticateDevice, deviceRateKey, queuedCountHeader, requireBearer } from '../auth/device-auth.js'
import { HttpError, parseOr400 } from '../http/api-error.js'
import { touchDevice } from '../repos/devices.js'
import { currentDocumentVersion, listEvents, listKits } from '../repos/documents.js'
import { eventTotals } from '../repos/facts.js'
import { applyPush } from '../sync/apply-push.js'

/** Checked before the schema so an oversize batch gets its own code, not a generic schema error. */
function assertBatchSize(body: unknown): void {
  if (typeof body !== 'object' || body === null) return
  const { facts, events } = body as { facts?: unknown; events?: unknown }
  if ((Array.isArray(facts) && facts.length > PUSH_MAX_FACTS) || (Array.isArray(events) && events.length > PUSH_MAX_EVENTS)) {
    throw new HttpError(413, 'batch_too_large', `At most ${PUSH_MAX_FACTS} facts and ${PUSH_MAX_EVENTS} events per push`)
  }
}

export async function syncRoutes(app: FastifyInstance): Promise<void> {
  const rateLimit = { max: app.rateLimits.devicePerMinute, timeWindow: '1 minute', keyGenerator: deviceRateKey }

  app.post('/api/v1/push', { bodyLimit: PUSH_MAX_BYTES, config: { rateLimit }, onRequest: requireBearer }, async (request) => {
    assertBatchSize(request.body)
    const body = parseOr400(pushRequestSchema, request.body)
    const now = app.clock()
    const results = await applyPush(app.db, {
      tokenHash: request.deviceTokenHash,
      facts: body.facts,
      events: body.events,
      now,
      ...withQueued(queuedCountHeader(request)),
    })
    const response: PushResponse = { results, serverTime: now.toISOString() }
    return response
  })

  app.get('/api/v1/pull', { config: { rateLimit }, onRequest: requireBearer }, async (request) => {
    const query = parseOr400(pullQuerySchema, request.query, 'invalid_query')
    // One transaction: one trip through the connection, and one consistent view.
    const response: PullResponse = await app.db.transaction().execute(async (trx) => {
      const deviceId = await authenticateDevice(trx, request.deviceTokenHash)
      await touchDevice(trx, deviceId, app.clock().toISOString(), queuedCountHeader(request))
      // Read the ceiling first: every version up to it is committed (see nextDocumentVersion).
      const ceiling = await currentDocumentVersion(trx)
      // A cursor from the future means the tablet last synced with another (or a restored)
      // database: send everything rather than nothing.
      const since = query.cursor > ceiling ? 0 : query.cursor
      return {
        cursor: ceiling,
        hasMore: false,
        kits: await listKits(trx, since, ceiling),
        events: await listEvents(trx, since, ceiling),
        ...(query.eventId ? { totals: { eventId: query.eventId, ...(await eventTotals(trx, query.eventId)) } } : {}),
      }
    })
    return response
  })
}

function withQueued(queuedCount: number | undefined): { queuedCount?: number } {
  return queuedCount === undefined ? {} : { queuedCount }
}
