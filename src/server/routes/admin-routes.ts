import type { FastifyInstance, FastifyRequest } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { z } from 'zod'
import {
  createAccountRequestSchema, createEnrolmentCodeRequestSchema, createEventRequestSchema, updateEventRequestSchema,
  type Account, type Device, type EnrolmentCodeResponse,
} from '../../shared/admin-protocol.js'
import { closeEvent, createEvent, editEvent } from '../admin/event-edits.js'
import { hashPassword, newEnrolmentCode, sha256 } from '../auth/secrets.js'
import { requireSession, sessionRateKey } from '../auth/session-auth.js'
import type { DeviceRow } from '../db/devices.table.js'
import { HttpError, parseOr400 } from '../http/api-error.js'
import { insertAccount, listAccounts } from '../repos/accounts.js'
import { listDevices, revokeDevice } from '../repos/devices.js'
import { listEvents, listKits } from '../repos/documents.js'
import { insertEnrolmentCode } from '../repos/enrolment-codes.js'

const DEFAULT_CODE_TTL_MINUTES = 24 * 60

function idParam(request: FastifyRequest): string {
  const parsed = z.object({ id: z.uuid() }).safeParse(request.params)
  if (!parsed.success) throw new HttpError(404, 'not_found', 'No such id')
  return parsed.data.id
}

function toDevice(row: DeviceRow): Device {
  return {
    id: row.id, label: row.label, enrolledAt: row.enrolled_at, lastSeenAt: row.last_seen_at,
    queuedCount: row.queued_count === null ? null : Number(row.queued_count), revokedAt: row.revoked_at,
  }
}

/** Coordinator API under /api/v1/admin: every route needs a session cookie. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireSession)
  const config = { rateLimit: { max: app.rateLimits.adminPerMinute, timeWindow: '1 minute', keyGenerator: sessionRateKey } }
  const now = () => app.clock()

  app.get('/accounts', { config }, async () => ({
    accounts: (await listAccounts(app.db)).map((a): Account => ({ id: a.id, username: a.username, createdAt: a.created_at, disabledAt: null })),
  }))
  app.post('/accounts', { config }, async (request, reply) => {
    const body = parseOr400(createAccountRequestSchema, request.body)
    const account = { id: uuidv7(), username: body.username, password_hash: await hashPassword(body.password), created_at: now().toISOString() }
    if (!(await insertAccount(app.db, account))) throw new HttpError(409, 'username_taken', `${body.username} already exists`)
    return reply.code(201).send({ id: account.id, username: account.username, createdAt: account.created_at, disabledAt: null } satisfies Account)
  })

  app.get('/kits', { config }, async () => ({ kits: await listKits(app.db) }))

  app.get('/events', { config }, async () => ({ events: await listEvents(app.db) }))
  app.post('/events', { config }, async (request, reply) => {
    const event = await createEvent(app.db, parseOr400(createEventRequestSchema, request.body), now())
    return reply.code(201).send(event)
  })
  app.put('/events/:id', { config }, async (request) =>
    editEvent(app.db, idParam(request), parseOr400(updateEventRequestSchema, request.body), now()),
  )
  app.post('/events/:id/close', { config }, async (request) => closeEvent(app.db, idParam(request), now()))

  app.get('/devices', { config }, async () => ({ devices: (await listDevices(app.db)).map(toDevice) }))
  app.post('/devices/:id/revoke', { config }, async (request) => {
    const id = idParam(request)
    if (!(await revokeDevice(app.db, id, now().toISOString()))) throw new HttpError(404, 'not_found', `No device ${id}`)
    const row = (await listDevices(app.db)).find((d) => d.id === id)
    return row ? toDevice(row) : undefined
  })

  app.post('/enrolment-codes', { config }, async (request, reply) => {
    const body = parseOr400(createEnrolmentCodeRequestSchema, request.body ?? {})
    const code = newEnrolmentCode()
    const created = now()
    const expiresAt = new Date(created.getTime() + (body.ttlMinutes ?? DEFAULT_CODE_TTL_MINUTES) * 60_000).toISOString()
    await insertEnrolmentCode(app.db, {
      code_hash: sha256(code), label: body.label || null, created_by: (request.account as { id: string }).id,
      created_at: created.toISOString(), expires_at: expiresAt,
    })
    const origin = app.settings.publicOrigin ?? `${request.protocol}://${request.host}`
    const response: EnrolmentCodeResponse = { code, expiresAt, link: `${origin}/enrol?code=${code}` }
    return reply.code(201).send(response)
  })
}
