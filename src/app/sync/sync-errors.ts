import { ApiError } from '../api/api-error'

/** The `sync.errors` key that explains a failed sync to the operator. */
export function syncErrorCode(error: unknown): string {
  if (!(error instanceof ApiError)) return 'unexpected'
  if (error.code === 'network' || error.code === 'bad_response') return error.code
  if (error.status === 429) return 'rate_limited'
  return error.status >= 500 ? 'server' : 'refused'
}

/** A short technical detail for the diagnostics screen (never shown as the message itself). */
export function syncErrorDetail(error: unknown): string | undefined {
  if (error instanceof ApiError) return `${error.status} ${error.code}`.slice(0, 200)
  return error instanceof Error ? error.message.slice(0, 200) : undefined
}
