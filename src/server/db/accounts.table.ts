import type { Selectable } from 'kysely'

export interface AccountsTable {
  id: string
  username: string
  /** scrypt, see auth/passwords.ts for the format. */
  password_hash: string
  created_at: string
}

/** Session cookies are random tokens; only their SHA-256 is stored. */
export interface SessionsTable {
  token_hash: string
  account_id: string
  created_at: string
  expires_at: string
}

export type AccountRow = Selectable<AccountsTable>
