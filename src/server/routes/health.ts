import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', async (request, reply) => {
    try {
      await sql`select 1`.execute(app.db)
      return { status: 'ok', db: 'ok' }
    } catch (error) {
      request.log.error(error)
      return reply.code(503).send({ status: 'error', db: 'unreachable' })
    }
  })
}
