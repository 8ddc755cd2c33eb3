import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { accountSchema, accountsResponseSchema, createAccountRequestSchema } from '../../shared/admin-protocol.js'
import { perAccount } from '../http/rate-limits.js'
import { emptyBody, errors, idParams, sessionSecurity } from '../http/route-schemas.js'
import { createAccount, listAllAccounts, setAccountEnabled } from './accounts-service.js'
import { sessionAccount } from './session-auth.js'

/** /api/v1/admin/accounts: coordinator accounts. */
export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const security = sessionSecurity
  const config = perAccount(app.rateLimits)

  app.get('/accounts', {
    config, schema: { summary: 'Coordinator accounts', security, response: { 200: accountsResponseSchema, ...errors(401, 429) } },
  }, async () => ({ accounts: await listAllAccounts(app.db) }))

  app.post('/accounts', {
    config,
    schema: { summary: 'Add a coordinator account', security, body: createAccountRequestSchema, response: { 201: accountSchema, ...errors(400, 401, 403, 409, 415, 429) } },
  }, async (request, reply) => reply.code(201).send(await createAccount(app.db, request.body, app.clock())))

  for (const [action, enabled] of [['disable', false], ['enable', true]] as const) {
    app.post(`/accounts/:id/${action}`, {
      config,
      schema: {
        summary: enabled ? 'Enable an account again' : 'Disable an account (ends its sessions; not your own, not the last one)',
        security, params: idParams, body: emptyBody, response: { 200: accountSchema, ...errors(401, 403, 404, 409, 415, 429) },
      },
    }, async (request) => setAccountEnabled(app.db, request.params.id, enabled, sessionAccount(request).id, app.clock()))
  }
}
