import type { FastifyInstance } from 'fastify'
import { enrolRequestSchema, type EnrolResponse } from '../../shared/sync-protocol.js'
import { newToken, normaliseEnrolmentCode, sha256 } from '../auth/secrets.js'
import { HttpError, parseOr400 } from '../http/api-error.js'
import { insertDeviceToken, revokeDeviceTokens, upsertEnrolledDevice } from '../repos/devices.js'
import { consumeEnrolmentCode } from '../repos/enrolment-codes.js'

/** POST /api/v1/enrol: a code issued by a coordinator becomes a device token, once. */
export async function enrolRoute(app: FastifyInstance): Promise<void> {
  const rateLimit = { max: app.rateLimits.publicPerMinute, timeWindow: '1 minute' }
  app.post('/api/v1/enrol', { config: { rateLimit } }, async (request) => {
    const body = parseOr400(enrolRequestSchema, request.body)
    const now = app.clock().toISOString()
    const token = newToken()
    const enrolled = await app.db.transaction().execute(async (trx) => {
      const code = await consumeEnrolmentCode(trx, sha256(normaliseEnrolmentCode(body.code)), body.deviceId, now)
      if (!code) return false
      await upsertEnrolledDevice(trx, { id: body.deviceId, label: body.label || code.label, now })
      // One live token per device: re-enrolling (new tablet profile, lost storage) retires the old one.
      await revokeDeviceTokens(trx, body.deviceId, now)
      await insertDeviceToken(trx, { token_hash: sha256(token), device_id: body.deviceId, created_at: now })
      return true
    })
    if (!enrolled) throw new HttpError(410, 'enrolment_code_invalid', 'This enrolment code is unknown, expired or already used')
    const response: EnrolResponse = { deviceId: body.deviceId, token }
    return response
  })
}
