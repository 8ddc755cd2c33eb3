import { createReadStream } from 'node:fs'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { sendApiNotFound } from '../http/error-handler.js'
import { MEDIA_TYPES, mediaPath } from './media.js'

/** GET /media/<sha256>.<ext>: uploaded thumbnails, first-party; a name is its content, so it never changes. */
export async function mediaRoutes(app: FastifyInstance): Promise<void> {
  app.get('/media/:file', { schema: { hide: true } }, async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
    const path = mediaPath(app.settings.dataDir, request.params.file)
    if (!path) return sendApiNotFound(request, reply)
    const ext = request.params.file.split('.').pop() ?? ''
    return reply
      .header('content-type', MEDIA_TYPES[ext] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(createReadStream(path))
  })
}
