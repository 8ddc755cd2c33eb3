import type { Db } from '../db/database.table.js'
import type { DeviceRow, EnrolmentCodesTable } from '../db/devices.table.js'

export function findDevice(db: Db, id: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()
}

/** False when the id exists already (another enrolment won a race). */
export async function insertDevice(db: Db, device: { id: string; label: string | null; now: string }): Promise<boolean> {
  const result = await db
    .insertInto('devices')
    .values({ id: device.id, label: device.label, enrolled_at: device.now, last_seen_at: device.now, queued_count: null, revoked_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** Re-enrolment: a new label if given, a new enrolment time; a revocation is never cleared here. */
export async function markReenrolled(db: Db, device: { id: string; label: string | null; now: string }): Promise<void> {
  await db
    .updateTable('devices')
    .set((eb) => ({ label: device.label ?? eb.ref('label'), enrolled_at: device.now, last_seen_at: device.now }))
    .where('id', '=', device.id)
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
  // Stryker disable next-line ConditionalExpression: kysely leaves a column set to undefined out of the update, as {} does.
  const changes = { last_seen_at: now, ...(queuedCount === undefined ? {} : { queued_count: queuedCount }) }
  await db.updateTable('devices').set(changes).where('id', '=', deviceId).execute()
}

export function listDevices(db: Db): Promise<DeviceRow[]> {
  return db.selectFrom('devices').selectAll().orderBy('enrolled_at', 'desc').execute()
}

export async function setDeviceRevoked(db: Db, deviceId: string, revokedAt: string | null): Promise<void> {
  await db.updateTable('devices').set({ revoked_at: revokedAt }).where('id', '=', deviceId).execute()
}

export async function insertEnrolmentCode(db: Db, code: Omit<EnrolmentCodesTable, 'used_at' | 'used_by'>): Promise<void> {
  await db.insertInto('enrolment_codes').values({ ...code, used_at: null, used_by: null }).execute()
}

/** A code that is neither used nor expired. */
export function findUsableCode(db: Db, codeHash: string, nowIso: string) {
  return db
    .selectFrom('enrolment_codes')
    .select(['label', 'device_id'])
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst()
}

/** Marks a code used in one conditional update, so two tablets racing with one code cannot both win. */
export async function markCodeUsed(db: Db, codeHash: string, deviceId: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('enrolment_codes')
    .set({ used_at: nowIso, used_by: deviceId })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
