import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { ApiError } from '../../shared/sync-protocol.js'
import { DomainError, type DomainErrorKind } from '../domain-errors.js'

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, gone: 410, too_large: 413, media_type: 415, rate_limited: 429,
}

// Fastify's own errors under the codes the API documents; their messages name Node and
// fastify internals, so each gets a message of ours.
const FRAMEWORK: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_json', 'The body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_json', 'The body is empty'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', 'The body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', 'Content-Length does not match the body'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported_media_type', 'Send application/json'],
  FST_ERR_BAD_URL: [400, 'bad_request', 'Malformed URL'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'bad_request', 'Bad request'],
}

function body(code: string, message: string, details?: ApiError['details']): ApiError {
  return { code, message, ...(details?.length ? { details } : {}) }
}

/** The one place errors become HTTP: domain errors, schema errors, fastify's own, and the rest as 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      return reply.code(STATUS[error.kind]).send(body(error.code, error.message, error.details))
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === 'querystring' ? 'invalid_query' : error.validationContext === 'params' ? 'not_found' : 'invalid_body'
      if (where === 'not_found') return reply.code(404).send(body('not_found', 'No such resource'))
      const details = error.validation.slice(0, 20).map((v) => ({ path: v.instancePath.slice(1).replaceAll('/', '.'), message: v.message ?? 'invalid' }))
      return reply.code(400).send(body(where, 'The request does not match the schema', details))
    }
    const framework = FRAMEWORK[error.code]
    if (framework) return reply.code(framework[0]).send(body(framework[1], framework[2]))
    // The JSON parser reports a SyntaxError with statusCode 400 for malformed bodies.
    if (error instanceof SyntaxError && error.statusCode === 400) return reply.code(400).send(body('bad_json', 'The body is not valid JSON'))
    if (error.statusCode === 429) return reply.code(429).send(body('rate_limited', 'Too many requests: try again in a minute'))
    if (error.statusCode && error.statusCode < 500) {
      request.log.info({ code: error.code }, 'client error')
      return reply.code(error.statusCode).send(body('bad_request', 'Bad request'))
    }
    request.log.error(error)
    return reply.code(500).send(body('internal', 'Internal server error'))
  })
}

export function sendApiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]?.slice(0, 200)}`))
}
