import type { RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { phoneResponsesRequestSchema, phoneResponsesResultSchema, phoneSurveyResponseSchema } from '../../shared/content-protocol.js'
import { QR_CODE_PATTERN } from '../../shared/qr-codes.js'
import { findCode } from '../contents/contents-repository.js'
import { clientAddress } from '../http/rate-limits.js'
import { errors } from '../http/route-schemas.js'
import { acceptPhoneResponses, phoneSurvey } from './phone-service.js'

const codeParams = z.strictObject({ code: z.string().regex(QR_CODE_PATTERN) })

/** /api/v1/codes/:code/…: what the phone survey page needs, public and limited per existing code. */
export const phoneRoutes: FastifyPluginAsyncZod = async (app) => {
  // A code that exists has its own bucket (the phones at a stand share an address); codes that
  // do not share their address's public one, however many an attacker makes up.
  const perCode: { rateLimit: RateLimitOptions } = {
    rateLimit: {
      timeWindow: 60_000,
      keyGenerator: async (request) => {
        const { code = '' } = request.params as { code?: string }
        return QR_CODE_PATTERN.test(code) && (await findCode(app.db, code)) ? `code:${code}` : `ip:${clientAddress(request.ip)}`
      },
      max: (_request, key) => (key.startsWith('code:') ? app.rateLimits.phonePerCodePerMinute : app.rateLimits.publicPerMinute),
    },
  }
  app.get('/codes/:code/survey', {
    config: perCode,
    schema: { summary: 'The survey a phone shows for a QR code (the first of its event\'s kit, while the event is open)', params: codeParams, response: { 200: phoneSurveyResponseSchema, ...errors(404, 429) } },
  }, async (request) => phoneSurvey(app.db, request.params.code))

  app.post('/codes/:code/responses', {
    config: perCode,
    schema: {
      summary: 'Phone survey responses for a QR code\'s open event (idempotent by response id)',
      params: codeParams, body: phoneResponsesRequestSchema, response: { 200: phoneResponsesResultSchema, ...errors(400, 403, 404, 415, 429) },
    },
  }, async (request) => ({ results: await acceptPhoneResponses(app.db, request.params.code, request.body.responses, app.clock()) }))
}
