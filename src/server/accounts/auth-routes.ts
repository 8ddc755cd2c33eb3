import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { changePasswordRequestSchema, loginRequestSchema, sessionResponseSchema } from '../../shared/admin-protocol.js'
import { clientAddress, limitPerAddress, perAccount } from '../http/rate-limits.js'
import { emptyBody, errors, noContent, sessionSecurity } from '../http/route-schemas.js'
import { changePassword, login, logout } from './accounts-service.js'
import { clearSessionCookie, SESSION_COOKIE, sessionAccount, setSessionCookie } from './session-auth.js'

/** /api/v1/auth/login and /logout: no session needed. */
export const publicAuthRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = limitPerAddress(app.rateLimits.publicPerMinute)

  app.post('/auth/login', {
    config,
    schema: { summary: 'Coordinator login (sets the session cookie)', body: loginRequestSchema, response: { 200: sessionResponseSchema, ...errors(400, 401, 403, 415, 429) } },
  }, async (request, reply) => {
    const session = await login(app.db, { ...request.body, clientAddress: clientAddress(request.ip) }, app.clock(), app.settings.loginThrottle)
    setSessionCookie(request, reply, session.token, session.expiresAt)
    return { username: session.username, expiresAt: session.expiresAt }
  })

  app.post('/auth/logout', {
    config,
    schema: { summary: 'End the session', body: emptyBody, response: { 204: noContent, ...errors(403, 415) } },
  }, async (request, reply) => {
    await logout(app.db, request.cookies[SESSION_COOKIE], app.clock())
    clearSessionCookie(request, reply)
    return reply.code(204).send(null)
  })
}

/** /api/v1/auth/me and /password: the session hook of the admin branch applies. */
export const sessionAuthRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = perAccount(app.rateLimits)

  app.get('/auth/me', {
    config,
    schema: { summary: 'The logged-in coordinator', security: sessionSecurity, response: { 200: sessionResponseSchema, ...errors(401, 429) } },
  }, async (request) => {
    const { username, expiresAt } = sessionAccount(request)
    return { username, expiresAt }
  })

  app.post('/auth/password', {
    // Per address too: a stolen cookie must not become a fast password oracle.
    config: limitPerAddress(app.rateLimits.publicPerMinute),
    schema: {
      summary: "Change the logged-in coordinator's password (ends their other sessions)", security: sessionSecurity,
      body: changePasswordRequestSchema, response: { 204: noContent, ...errors(400, 401, 403, 415, 429) },
    },
  }, async (request, reply) => {
    await changePassword(app.db, sessionAccount(request).id, request.cookies[SESSION_COOKIE] ?? '', request.body)
    return reply.code(204).send(null)
  })
}
