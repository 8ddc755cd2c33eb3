import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { ApiError } from '../../shared/sync-protocol.js'

type Details = NonNullable<ApiError['details']>

/** An error the client is told about as `{ code, message, details? }` (apiErrorSchema). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Details,
  ) {
    super(message)
  }
}

export function zodDetails(error: z.ZodError): Details {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }))
}

/** Parses with a zod schema or throws a 400 invalid_body with every issue's path. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, code = 'invalid_body'): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw new HttpError(400, code, 'The request does not match the schema', zodDetails(result.error))
  return result.data
}

// Fastify's own errors, renamed to the codes the API documents.
const fastifyCodes: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) })
    }
    const mapped = fastifyCodes[error.code]
    // The JSON parser reports a SyntaxError with statusCode 400 for malformed bodies.
    if (mapped || (error instanceof SyntaxError && error.statusCode === 400)) {
      const [status, code] = mapped ?? [400, 'bad_json']
      return reply.code(status).send({ code, message: error.message })
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({ code: 'rate_limited', message: error.message })
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: 'bad_request', message: error.message })
    }
    request.log.error(error)
    return reply.code(500).send({ code: 'internal', message: 'Internal server error' })
  })
}

export function sendApiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` })
}
