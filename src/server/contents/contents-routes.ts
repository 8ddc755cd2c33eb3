import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  contentsResponseSchema, eventCodesResponseSchema, MEDIA_MAX_BYTES, saveContentRequestSchema, updateContentRequestSchema, uploadedMediaSchema,
} from '../../shared/content-protocol.js'
import { contentDocumentSchema } from '../../shared/contents.js'
import { perAccount } from '../http/rate-limits.js'
import { emptyBody, errors, idParams, sessionSecurity } from '../http/route-schemas.js'
import { listCodesWithCounts } from './codes-service.js'
import { createContent, editContent, listAllContents, retireContent, type ContentRules } from './contents-service.js'
import { mediaPath, storeThumbnail } from './media.js'

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream']
const imageBody = z.custom<Buffer>((value) => Buffer.isBuffer(value), 'an image').meta({ type: 'string', format: 'binary', description: 'The image bytes' })

/** /api/v1/admin/contents, /media and /events/:id/codes: the catalogue of social contents and their tracked links. */
export const contentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const security = sessionSecurity
  const config = perAccount(app.rateLimits)
  const rules: ContentRules = {
    agencyDomains: app.settings.agencyDomains,
    thumbnailExists: (file) => mediaPath(app.settings.dataDir, file) !== undefined,
  }
  // The image arrives as the raw body; what it is, is read from its bytes (media.ts).
  app.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: MEDIA_MAX_BYTES }, (_request, body, done) => done(null, body))

  app.get('/contents', {
    config, schema: { summary: 'The catalogue of social contents', security, response: { 200: contentsResponseSchema, ...errors(401, 429) } },
  }, async () => ({ contents: await listAllContents(app.db) }))

  app.post('/contents', {
    config,
    schema: { summary: 'Add a content (its link must be https, on its platform or an agency domain)', security, body: saveContentRequestSchema, response: { 201: contentDocumentSchema, ...errors(400, 401, 403, 415, 429) } },
  }, async (request, reply) => reply.code(201).send(await createContent(app.db, request.body, rules, app.clock())))

  app.put('/contents/:id', {
    config,
    schema: {
      summary: 'Change a content (new version)', security, params: idParams, body: updateContentRequestSchema,
      response: { 200: contentDocumentSchema, ...errors(400, 401, 403, 404, 409, 415, 429) },
    },
  }, async (request) => editContent(app.db, request.params.id, request.body.content, request.body.version, rules, app.clock()))

  app.post('/contents/:id/retire', {
    config,
    schema: { summary: 'Retire a content: its codes then show a friendly page and keep their counts', security, params: idParams, body: emptyBody, response: { 200: contentDocumentSchema, ...errors(401, 403, 404, 415, 429) } },
  }, async (request) => retireContent(app.db, request.params.id, app.clock()))

  app.post('/media', {
    config: { ...config, bodyTypes: IMAGE_TYPES },
    bodyLimit: MEDIA_MAX_BYTES,
    schema: {
      summary: 'Upload a thumbnail (PNG, JPEG or WebP as the body; SVG refused); answers the file name to put in a content',
      security, consumes: IMAGE_TYPES, body: imageBody, response: { 201: uploadedMediaSchema, ...errors(400, 401, 403, 413, 415, 429) },
    },
  }, async (request, reply) => reply.code(201).send(storeThumbnail(app.settings.dataDir, request.body)))

  app.get('/events/:id/codes', {
    config,
    schema: { summary: 'The tracked links of an event\'s contents, with scans and feedback', security, params: idParams, response: { 200: eventCodesResponseSchema, ...errors(401, 404, 429) } },
  }, async (request) => {
    const origin = app.settings.publicOrigin ?? `${request.protocol}://${request.host}`
    return { codes: await listCodesWithCounts(app.db, request.params.id, origin, app.clock()) }
  })
}
