import type { FastifyRequest } from 'fastify'

/**
 * What a request log line keeps: method and path, with secrets in the query masked
 * (enrolment codes travel as /enrol?code=…). No client address or user agent: visitors'
 * requests pass through this server too, and nothing about them is kept.
 */
export function redactedRequest(request: FastifyRequest): { method: string; url: string } {
  return { method: request.method, url: request.url.replace(/([?&](?:code|token)=)[^&#]*/gi, '$1[redacted]') }
}
