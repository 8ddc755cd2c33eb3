import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { EXPORT_INCLUDES } from '../../shared/export-rows.js'
import { exportQuerySchema } from '../../shared/report-protocol.js'
import { perAccount } from '../http/rate-limits.js'
import { errors, sessionSecurity } from '../http/route-schemas.js'
import { csvExport, fhirExport, jsonExport, xlsxExport } from './exports-service.js'
import { scaleLabel } from '../../shared/scale-labels.js'

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  fhir: 'application/fhir+json; charset=utf-8',
} as const

/** GET /api/v1/admin/exports: the event log, streamed page by page (memory does not grow with the rows). */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/exports', {
    config: perAccount(app.rateLimits),
    schema: {
      summary: 'Export the event log of an event, a period or everything: csv (Italian Excel), xlsx, json, or fhir (an R4 Bundle of QuestionnaireResponses)',
      security: sessionSecurity, querystring: exportQuerySchema,
      response: { 200: z.string().describe('The file, streamed: text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json or application/fhir+json'), ...errors(400, 401, 429) },
    },
  }, async (request, reply) => {
    const { format, lang = 'it', ...scope } = request.query
    const now = app.clock()
    const chunks = {
      csv: () => csvExport(app.db, scope, lang),
      xlsx: () => xlsxExport(app.db, scope, lang, now),
      json: () => jsonExport(app.db, scope, now),
      fhir: () => fhirExport(app.db, scope, now, scaleLabel),
    }[format]()
    const what = scope.eventId ? `event-${scope.eventId}` : scope.from || scope.to ? `${scope.from ?? 'start'}_${scope.to ?? 'today'}` : 'all'
    const extension = format === 'fhir' ? 'fhir.json' : format
    return reply
      .header('content-type', TYPES[format])
      .header('content-disposition', `attachment; filename="corner-${what}-${now.toISOString().slice(0, 10)}.${extension}"`)
      .header('cache-control', 'no-store')
      .header('x-export-includes', format === 'fhir' ? 'survey responses with their questionnaires' : EXPORT_INCLUDES)
      // The type provider types the body as the documented string; a stream is sent as it is.
      .send(Readable.from(chunks) as unknown as string)
  })
}
