/**
 * Error codes the coordinator screens explain in words (`coordinator.errors.<code>`): the
 * server's own codes (apiErrorSchema) plus the client's `network` and `bad_response`.
 * Anything else is shown as `unknown`, so a new server code never shows a raw key.
 */
export const EXPLAINED_ERROR_CODES = [
  'network', 'bad_response', 'server', 'unknown', 'invalid_credentials', 'rate_limited', 'unauthorized',
  'version_conflict', 'username_taken', 'not_found', 'invalid_body', 'event_exists', 'account_disabled',
  'cannot_disable_self', 'last_account', 'device_revoked', 'cross_origin', 'unknown_kit',
] as const
export type ExplainedErrorCode = (typeof EXPLAINED_ERROR_CODES)[number]

export function explainedCode(code: string): ExplainedErrorCode {
  return (EXPLAINED_ERROR_CODES as readonly string[]).includes(code) ? (code as ExplainedErrorCode) : 'unknown'
}

/** The locale key that explains an error code to a person. */
export function errorMessageKey(code: string): string {
  return `coordinator.errors.${explainedCode(code)}`
}
