import { z } from 'zod'
import * as admin from '../../shared/admin-protocol.js'
import { eventSchema, factSchema } from '../../shared/records.js'
import * as sync from '../../shared/sync-protocol.js'

interface Operation {
  method: 'get' | 'post' | 'put'
  path: string
  summary: string
  auth: 'device' | 'session' | 'none'
  request?: z.ZodType
  query?: z.ZodObject
  responses: Record<number, z.ZodType | null>
}

const E = sync.apiErrorSchema
// The route takes records as unknown and validates each on its own (one bad record must not
// fail the batch); the document still shows clients what a valid record looks like.
const pushRequestDoc = z.strictObject({
  facts: z.array(factSchema).max(sync.PUSH_MAX_FACTS),
  events: z.array(eventSchema).max(sync.PUSH_MAX_EVENTS).default([]),
})
const device400 = { 400: E, 401: E, 429: E }
const session = { 401: E, 429: E }

/** Every route of /api/v1, described by the same zod schemas the handlers parse with. */
const operations: Operation[] = [
  { method: 'post', path: '/api/v1/push', summary: 'Push a batch of facts and offline events (one transaction, idempotent by id)', auth: 'device', request: pushRequestDoc, responses: { 200: sync.pushResponseSchema, ...device400, 413: E } },
  { method: 'get', path: '/api/v1/pull', summary: 'Documents changed since a cursor, and live totals of an event', auth: 'device', query: sync.pullQuerySchema, responses: { 200: sync.pullResponseSchema, ...device400 } },
  { method: 'post', path: '/api/v1/enrol', summary: 'Exchange a single-use enrolment code for a device token', auth: 'none', request: sync.enrolRequestSchema, responses: { 200: sync.enrolResponseSchema, 400: E, 410: E, 429: E } },
  { method: 'post', path: '/api/v1/auth/login', summary: 'Coordinator login (sets the session cookie)', auth: 'none', request: admin.loginRequestSchema, responses: { 200: admin.sessionResponseSchema, 400: E, 401: E, 429: E } },
  { method: 'post', path: '/api/v1/auth/logout', summary: 'End the session', auth: 'none', responses: { 204: null } },
  { method: 'post', path: '/api/v1/auth/password', summary: 'Change the logged-in coordinator\'s password (ends their other sessions)', auth: 'session', request: admin.changePasswordRequestSchema, responses: { 204: null, 400: E, 401: E, 429: E } },
  { method: 'get', path: '/api/v1/auth/me', summary: 'The logged-in coordinator', auth: 'session', responses: { 200: admin.sessionResponseSchema, 401: E } },
  { method: 'get', path: '/api/v1/admin/accounts', summary: 'Coordinator accounts', auth: 'session', responses: { 200: admin.accountsResponseSchema, ...session } },
  { method: 'post', path: '/api/v1/admin/accounts', summary: 'Add a coordinator account', auth: 'session', request: admin.createAccountRequestSchema, responses: { 201: admin.accountSchema, 400: E, 409: E, ...session } },
  { method: 'get', path: '/api/v1/admin/kits', summary: 'All kits', auth: 'session', responses: { 200: admin.kitsResponseSchema, ...session } },
  { method: 'get', path: '/api/v1/admin/events', summary: 'All events', auth: 'session', responses: { 200: admin.eventsResponseSchema, ...session } },
  { method: 'post', path: '/api/v1/admin/events', summary: 'Create an event', auth: 'session', request: admin.createEventRequestSchema, responses: { 201: eventSchema, 400: E, 409: E, ...session } },
  { method: 'put', path: '/api/v1/admin/events/{id}', summary: 'Edit an event (new version)', auth: 'session', request: admin.updateEventRequestSchema, responses: { 200: eventSchema, 400: E, 404: E, 409: E, ...session } },
  { method: 'post', path: '/api/v1/admin/events/{id}/close', summary: 'Close an event', auth: 'session', responses: { 200: eventSchema, 404: E, ...session } },
  { method: 'get', path: '/api/v1/admin/devices', summary: 'Enrolled tablets: last seen, queued count, revoked', auth: 'session', responses: { 200: admin.devicesResponseSchema, ...session } },
  { method: 'post', path: '/api/v1/admin/devices/{id}/revoke', summary: 'Revoke a tablet (its token then gets 401)', auth: 'session', responses: { 200: admin.deviceSchema, 404: E, ...session } },
  { method: 'post', path: '/api/v1/admin/enrolment-codes', summary: 'Issue a single-use enrolment code and link', auth: 'session', request: admin.createEnrolmentCodeRequestSchema, responses: { 201: admin.enrolmentCodeResponseSchema, 400: E, ...session } },
]

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' })
  return rest
}

function queryParameters(query: z.ZodObject) {
  return Object.entries(query.shape).map(([name, schema]) => ({
    name, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, schema: jsonSchema(schema as z.ZodType, 'input'),
  }))
}

function toOperation(op: Operation) {
  const responses = Object.fromEntries(Object.entries(op.responses).map(([status, schema]) => [status, {
    description: status,
    ...(schema ? { content: { 'application/json': { schema: jsonSchema(schema, 'output') } } } : {}),
  }]))
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }))
  return {
    summary: op.summary,
    ...(op.auth === 'device' ? { security: [{ deviceToken: [] }] } : op.auth === 'session' ? { security: [{ session: [] }] } : {}),
    parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
    ...(op.request ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.request, 'input') } } } } : {}),
    responses,
  }
}

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) (paths[op.path] ??= {})[op.method] = toOperation(op)
  return {
    openapi: '3.1.0',
    info: { title: 'Health Promotion Corner API', version: '1', description: 'Sync protocol (device token) and coordinator API (session cookie). Limits: ' + `${sync.PUSH_MAX_FACTS} facts, ${sync.PUSH_MAX_EVENTS} events, ${sync.PUSH_MAX_BYTES} bytes per push.` },
    components: {
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/enrol' },
        session: { type: 'apiKey', in: 'cookie', name: 'corner_session' },
      },
    },
    paths,
  }
}
