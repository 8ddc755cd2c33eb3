import type { FastifyPluginAsync } from 'fastify'
import { sql } from 'kysely'

/** GET /healthz for load balancers and start-up scripts: answers 503 when the database does not. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(app.db)
      return { status: 'ok', db: 'ok' }
    } catch (error) {
      request.log.error(error)
      return reply.code(503).send({ status: 'error', db: 'unreachable' })
    }
  })
}
