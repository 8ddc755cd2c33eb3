import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { createEnrolmentCodeRequestSchema, deviceSchema, devicesResponseSchema, enrolmentCodeResponseSchema } from '../../shared/admin-protocol.js'
import { perAccount } from '../http/rate-limits.js'
import { emptyBody, errors, idParams, sessionSecurity } from '../http/route-schemas.js'
import { sessionAccount } from '../accounts/session-auth.js'
import { issueEnrolmentCode, listAllDevices, setDeviceRevocation } from './devices-service.js'

/** /api/v1/admin/devices and /enrolment-codes: the coordinator's side of the tablets. */
export const devicesRoutes: FastifyPluginAsyncZod = async (app) => {
  const security = sessionSecurity
  const config = perAccount(app.rateLimits)

  app.get('/devices', {
    // Stryker disable next-line StringLiteral,ObjectLiteral: OpenAPI documentation (summary, security); the response schema serialises exactly what the handler returns.
    config, schema: { summary: 'Enrolled tablets: last seen, queued count, revoked', security, response: { 200: devicesResponseSchema, ...errors(401, 429) } },
  }, async () => ({ devices: await listAllDevices(app.db) }))

  for (const [action, revoked, summary] of [
    ['revoke', true, 'Revoke a tablet (its token then gets 401)'],
    ['restore', false, 'Restore a revoked tablet (it may then enrol again with a code issued for it)'],
  ] as const) {
    app.post(`/devices/:id/${action}`, {
      config, schema: {
        summary, security, params: idParams, body: emptyBody,
        // Stryker disable next-line ObjectLiteral: the response schema serialises exactly what the handler returns.
        response: { 200: deviceSchema, ...errors(401, 403, 404, 415, 429) },
      },
    }, async (request) => setDeviceRevocation(app.db, request.params.id, revoked, app.clock()))
  }

  app.post('/enrolment-codes', {
    config,
    schema: {
      // Stryker disable next-line StringLiteral: OpenAPI documentation text, not behaviour.
      summary: 'Issue a single-use enrolment code and link (for a new tablet, or bound to one tablet to re-enrol it)',
      security, body: createEnrolmentCodeRequestSchema,
      // Stryker disable next-line ObjectLiteral: the response schema serialises exactly what the handler returns.
      response: { 201: enrolmentCodeResponseSchema, ...errors(400, 401, 403, 404, 409, 415, 429) },
    },
  }, async (request, reply) => {
    const origin = app.settings.publicOrigin ?? `${request.protocol}://${request.host}`
    const issued = await issueEnrolmentCode(app.db, { ...request.body, createdBy: sessionAccount(request).id, origin }, app.clock())
    return reply.code(201).send(issued)
  })
}
