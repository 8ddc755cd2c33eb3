import type { Selectable } from 'kysely'

export interface AccountsTable {
  id: string
  username: string
  /** scrypt, see accounts/passwords.ts for the format. */
  password_hash: string
  created_at: string
  /** Set: the account cannot log in and has no sessions. */
  disabled_at: string | null
}

/** Session cookies are random tokens; only their SHA-256 is stored. */
export interface SessionsTable {
  token_hash: string
  account_id: string
  created_at: string
  expires_at: string
}

/**
 * One row per failed login, kept for the throttle window only. `source` is a SHA-256 of the
 * client address: enough to throttle one source without keeping addresses.
 */
export interface LoginFailuresTable {
  username: string
  source: string
  at: string
}

export type AccountRow = Selectable<AccountsTable>
