import type { FastifyInstance } from 'fastify'
import { buildOpenApiDocument } from '../http/openapi.js'

export async function openApiRoute(app: FastifyInstance): Promise<void> {
  const document = buildOpenApiDocument()
  app.get('/api/openapi.json', async () => document)
}
