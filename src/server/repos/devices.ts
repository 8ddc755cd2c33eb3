import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/database.table.js'
import type { DeviceRow } from '../db/devices.table.js'

type Db = Kysely<Database> | Transaction<Database>

/** Enrols a device, or re-enrols it (clearing a revocation: a coordinator issued the new code). */
export async function upsertEnrolledDevice(db: Db, device: { id: string; label: string | null; now: string }): Promise<void> {
  await db
    .insertInto('devices')
    .values({ id: device.id, label: device.label, enrolled_at: device.now, last_seen_at: device.now, queued_count: null, revoked_at: null })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        label: device.label ?? eb.ref('devices.label'),
        enrolled_at: device.now,
        last_seen_at: device.now,
        revoked_at: null,
      })),
    )
    .execute()
}

export async function revokeDeviceTokens(db: Db, deviceId: string, now: string): Promise<void> {
  await db.updateTable('device_tokens').set({ revoked_at: now }).where('device_id', '=', deviceId).where('revoked_at', 'is', null).execute()
}

export async function insertDeviceToken(db: Db, token: { token_hash: string; device_id: string; created_at: string }): Promise<void> {
  await db.insertInto('device_tokens').values({ ...token, revoked_at: null }).execute()
}

/** The device a bearer token belongs to, unless the token or the device is revoked. */
export async function findDeviceIdByToken(db: Db, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('device_tokens')
    .innerJoin('devices', 'devices.id', 'device_tokens.device_id')
    .select('devices.id')
    .where('device_tokens.token_hash', '=', tokenHash)
    .where('device_tokens.revoked_at', 'is', null)
    .where('devices.revoked_at', 'is', null)
    .executeTakeFirst()
  return row?.id
}

export async function touchDevice(db: Db, deviceId: string, now: string, queuedCount: number | undefined): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_seen_at: now, ...(queuedCount === undefined ? {} : { queued_count: queuedCount }) })
    .where('id', '=', deviceId)
    .execute()
}

export function listDevices(db: Db): Promise<DeviceRow[]> {
  return db.selectFrom('devices').selectAll().orderBy('enrolled_at', 'desc').execute()
}

/** Revokes the device and every token it holds; false when there is no such device. */
export async function revokeDevice(db: Db, deviceId: string, now: string): Promise<boolean> {
  const result = await db.updateTable('devices').set({ revoked_at: now }).where('id', '=', deviceId).executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) return false
  await revokeDeviceTokens(db, deviceId, now)
  return true
}
