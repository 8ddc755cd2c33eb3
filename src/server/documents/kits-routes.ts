import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  createKitRequestSchema, duplicateKitRequestSchema, KIT_FILE_MAX_BYTES, kitFileSchema, kitsResponseSchema, updateKitRequestSchema,
} from '../../shared/admin-protocol.js'
import { kitDocumentSchema } from '../../shared/records.js'
import { perAccount } from '../http/rate-limits.js'
import { errors, idParams, sessionSecurity } from '../http/route-schemas.js'
import { createKit, duplicateKit, editKit, exportKit, importKit, listAllKits } from './kits-service.js'

/** /api/v1/admin/kits: the replicable corner kits. */
export const kitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const security = sessionSecurity
  const config = perAccount(app.rateLimits)
  const now = () => app.clock()

  app.get('/kits', {
    config, schema: { summary: 'All kits', security, response: { 200: kitsResponseSchema, ...errors(401, 429) } },
  }, async () => ({ kits: await listAllKits(app.db) }))

  app.post('/kits', {
    config, schema: { summary: 'Create a kit', security, body: createKitRequestSchema, response: { 201: kitDocumentSchema, ...errors(400, 401, 403, 415, 429) } },
  }, async (request, reply) => reply.code(201).send(await createKit(app.db, request.body, now())))

  app.put('/kits/:id', {
    config,
    schema: {
      summary: 'Change a kit (new version; its surveys must be published, its contents not retired)', security,
      params: idParams, body: updateKitRequestSchema, response: { 200: kitDocumentSchema, ...errors(400, 401, 403, 404, 409, 415, 429) },
    },
  }, async (request) => editKit(app.db, request.params.id, request.body, now()))

  app.post('/kits/:id/duplicate', {
    config,
    schema: { summary: 'Copy a kit under a new name, to personalise it', security, params: idParams, body: duplicateKitRequestSchema, response: { 201: kitDocumentSchema, ...errors(400, 401, 403, 404, 415, 429) } },
  }, async (request, reply) => reply.code(201).send(await duplicateKit(app.db, request.params.id, request.body.name, now())))

  app.get('/kits/:id/export', {
    config, schema: { summary: 'A kit as a file, with its surveys and contents', security, params: idParams, response: { 200: kitFileSchema, ...errors(401, 404, 429) } },
  }, async (request, reply) => {
    reply.header('content-disposition', `attachment; filename="kit-${request.params.id}.json"`)
    return exportKit(app.db, request.params.id)
  })

  app.post('/kits/import', {
    config,
    bodyLimit: KIT_FILE_MAX_BYTES,
    schema: {
      summary: 'Import a kit file (201 when created, 200 when this very kit is already here; a bad file changes nothing)', security,
      body: kitFileSchema, response: { 200: kitDocumentSchema, 201: kitDocumentSchema, ...errors(400, 401, 403, 409, 413, 415, 429) },
    },
  }, async (request, reply) => {
    const { kit, created } = await importKit(app.db, request.body, app.settings.agencyDomains, now())
    return reply.code(created ? 201 : 200).send(kit)
  })
}
