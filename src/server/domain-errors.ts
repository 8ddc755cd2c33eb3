/**
 * What a service reports when a rule refuses something. Services know nothing of HTTP: the
 * one error handler (http/error-handler.ts) turns `kind` into a status code and sends
 * `{ code, message, details? }` (apiErrorSchema).
 */
export type DomainErrorKind =
  | 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'gone' | 'too_large' | 'media_type' | 'rate_limited'

export interface ErrorDetail {
  path: string
  message: string
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string) => new DomainError('not_found', 'not_found', `No ${what}`)
