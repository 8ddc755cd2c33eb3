import type { FastifyInstance } from 'fastify'
import { changePasswordRequestSchema, loginRequestSchema, type SessionResponse } from '../../shared/admin-protocol.js'
import { hashPassword, newToken, sha256, verifyPassword } from '../auth/secrets.js'
import { clearSessionCookie, requireSession, SESSION_COOKIE, SESSION_HOURS, setSessionCookie } from '../auth/session-auth.js'
import { HttpError, parseOr400 } from '../http/api-error.js'
import { deleteOtherSessions, deleteSession, findAccountByUsername, insertSession, updatePasswordHash } from '../repos/accounts.js'

// Compared against when the username is unknown, so both failures take the same time.
const decoyHash = hashPassword('decoy password, never matches')

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const rateLimit = { max: app.rateLimits.publicPerMinute, timeWindow: '1 minute' }

  app.post('/api/v1/auth/login', { config: { rateLimit } }, async (request, reply) => {
    const body = parseOr400(loginRequestSchema, request.body)
    const account = await findAccountByUsername(app.db, body.username)
    const ok = await verifyPassword(body.password, account?.password_hash ?? (await decoyHash))
    if (!account || !ok) throw new HttpError(401, 'invalid_credentials', 'Wrong username or password')
    const now = app.clock()
    const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000)
    const token = newToken()
    await insertSession(app.db, {
      token_hash: sha256(token), account_id: account.id, created_at: now.toISOString(), expires_at: expires.toISOString(),
    })
    setSessionCookie(request, reply, token, expires)
    const response: SessionResponse = { username: account.username, expiresAt: expires.toISOString() }
    return response
  })

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token) await deleteSession(app.db, sha256(token), app.clock().toISOString())
    clearSessionCookie(request, reply)
    return reply.code(204).send()
  })

  app.get('/api/v1/auth/me', { onRequest: requireSession }, async (request) => {
    const account = request.account as NonNullable<typeof request.account>
    const response: SessionResponse = { username: account.username, expiresAt: account.expiresAt }
    return response
  })

  app.post('/api/v1/auth/password', { config: { rateLimit }, onRequest: requireSession }, async (request, reply) => {
    const body = parseOr400(changePasswordRequestSchema, request.body)
    const session = request.account as NonNullable<typeof request.account>
    const account = await findAccountByUsername(app.db, session.username)
    if (!account || !(await verifyPassword(body.currentPassword, account.password_hash))) {
      throw new HttpError(401, 'invalid_credentials', 'The current password is wrong')
    }
    await updatePasswordHash(app.db, account.id, await hashPassword(body.newPassword))
    // Whoever else held a session with the old password is logged out.
    await deleteOtherSessions(app.db, account.id, sha256(request.cookies[SESSION_COOKIE] ?? ''))
    return reply.code(204).send()
  })
}
