import type { Selectable } from 'kysely'

export interface DevicesTable {
  id: string
  label: string | null
  enrolled_at: string
  last_seen_at: string | null
  /** Outbox size the tablet last reported in X-Queued-Count. */
  queued_count: number | null
  revoked_at: string | null
}

/** Device tokens are stored as SHA-256 only; a re-enrolment revokes the older ones. */
export interface DeviceTokensTable {
  token_hash: string
  device_id: string
  created_at: string
  revoked_at: string | null
}

export interface EnrolmentCodesTable {
  code_hash: string
  label: string | null
  /** Set: the code re-enrols this device only. Unset: it enrols a new device only. */
  device_id: string | null
  created_by: string
  created_at: string
  expires_at: string
  used_at: string | null
  used_by: string | null
}

export type DeviceRow = Selectable<DevicesTable>
