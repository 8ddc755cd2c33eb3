/** One entry of a 400's `details`: which field, and why. */
export interface ApiErrorDetail {
  path: string
  message: string
}

/**
 * Every failed API call, on the tablet and in the coordinator area alike. `code` is the
 * server's error code (`invalid_credentials`, `version_conflict`, `unauthorized`, …) or one
 * of the client's own: `network` (no answer at all: offline, connection cut, server down),
 * `bad_response` (an answer this client cannot read), `server` (a 5xx without an error body).
 * Kept free of zod so the entry chunk can test `instanceof` without loading the parser.
 */
export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: readonly ApiErrorDetail[],
  ) {
    super(message)
  }
}
