import { PHONE_DEVICE_ID } from '../../shared/phone-device.js'
import type { CreateEnrolmentCodeRequest, Device, EnrolmentCodeResponse } from '../../shared/admin-protocol.js'
import type { EnrolRequest } from '../../shared/sync-protocol.js'
import type { Db } from '../db/database.table.js'
import type { DeviceRow } from '../db/devices.table.js'
import { inTransaction } from '../db/transaction.js'
import { DomainError, notFound } from '../domain-errors.js'
import { newToken, sha256 } from '../tokens.js'
import {
  findDevice, findDeviceIdByToken, findUsableCode, insertDevice, insertDeviceToken, insertEnrolmentCode, listDevices,
  markCodeUsed, markReenrolled, revokeDeviceTokens, setDeviceRevoked,
} from './devices-repository.js'
import { newEnrolmentCode, normaliseEnrolmentCode } from './enrolment-codes.js'

const DEFAULT_CODE_TTL_MINUTES = 24 * 60
const deviceExists = () => new DomainError('conflict', 'device_exists', 'This tablet is already enrolled: ask the coordinator for a re-enrolment code for it')
const codeInvalid = () => new DomainError('gone', 'enrolment_code_invalid', 'This enrolment code is unknown, expired, already used or issued for another tablet')

export function toDevice(row: DeviceRow): Device {
  return {
    id: row.id, label: row.label, enrolledAt: row.enrolled_at, lastSeenAt: row.last_seen_at,
    queuedCount: row.queued_count === null ? null : Number(row.queued_count), revokedAt: row.revoked_at,
  }
}

/** The enrolled, not revoked device behind a bearer token, or undefined. */
export async function deviceForToken(db: Db, token: string): Promise<string | undefined> {
  return findDeviceIdByToken(db, sha256(token))
}

/**
 * A code becomes a device token, once. A code issued without a device enrols a new tablet id
 * only; one issued for a device re-enrols that device only, and never a revoked one — so a
 * code can never take over another tablet or undo a revocation. A refusal leaves the code unused.
 */
export async function enrolDevice(db: Db, input: EnrolRequest, now: Date): Promise<{ deviceId: string; token: string }> {
  const nowIso = now.toISOString()
  const codeHash = sha256(normaliseEnrolmentCode(input.code))
  return inTransaction(db, async (trx) => {
    const code = await findUsableCode(trx, codeHash, nowIso)
    if (!code || (code.device_id !== null && code.device_id !== input.deviceId)) throw codeInvalid()
    const existing = await findDevice(trx, input.deviceId)
    // The phones' shared id is never a tablet's: a tablet under it would pass its facts off as phones'.
    if (input.deviceId === PHONE_DEVICE_ID) throw deviceExists()
    const label = input.label || code.label
    if (code.device_id === null) {
      if (existing || !(await insertDevice(trx, { id: input.deviceId, label, now: nowIso }))) {
        throw deviceExists()
      }
    } else {
      // Stryker disable next-line ConditionalExpression: codes are only issued for existing tablets, and tablets are never deleted.
      if (!existing) throw codeInvalid()
      if (existing.revoked_at) throw new DomainError('forbidden', 'device_revoked', 'This tablet is revoked: a coordinator must restore it first')
      await markReenrolled(trx, { id: input.deviceId, label, now: nowIso })
    }
    if (!(await markCodeUsed(trx, codeHash, input.deviceId, nowIso))) throw codeInvalid()
    // One live token per device: re-enrolling (new tablet profile, lost storage) retires the old one.
    await revokeDeviceTokens(trx, input.deviceId, nowIso)
    const token = newToken()
    await insertDeviceToken(trx, { token_hash: sha256(token), device_id: input.deviceId, created_at: nowIso })
    return { deviceId: input.deviceId, token }
  })
}

export async function issueEnrolmentCode(
  db: Db,
  input: CreateEnrolmentCodeRequest & { createdBy: string; origin: string },
  now: Date,
): Promise<EnrolmentCodeResponse> {
  if (input.deviceId) {
    const device = await findDevice(db, input.deviceId)
    if (!device) throw notFound(`device ${input.deviceId}`)
    if (device.revoked_at) throw new DomainError('conflict', 'device_revoked', 'Restore the tablet before re-enrolling it')
  }
  const code = newEnrolmentCode()
  const expiresAt = new Date(now.getTime() + (input.ttlMinutes ?? DEFAULT_CODE_TTL_MINUTES) * 60_000).toISOString()
  await insertEnrolmentCode(db, {
    code_hash: sha256(code), label: input.label || null, device_id: input.deviceId ?? null,
    created_by: input.createdBy, created_at: now.toISOString(), expires_at: expiresAt,
  })
  return { code, expiresAt, link: `${input.origin}/enrol?code=${code}`, ...(input.deviceId ? { deviceId: input.deviceId } : {}) }
}

export async function listAllDevices(db: Db): Promise<Device[]> {
  return (await listDevices(db)).map(toDevice)
}

/** Revoking stops every token of the device at once; restoring lets it enrol again (its tokens stay revoked). */
export async function setDeviceRevocation(db: Db, deviceId: string, revoked: boolean, now: Date): Promise<Device> {
  return inTransaction(db, async (trx) => {
    const device = await findDevice(trx, deviceId)
    if (!device) throw notFound(`device ${deviceId}`)
    if (revoked) {
      const revokedAt = device.revoked_at ?? now.toISOString()
      await setDeviceRevoked(trx, deviceId, revokedAt)
      await revokeDeviceTokens(trx, deviceId, now.toISOString())
      return toDevice({ ...device, revoked_at: revokedAt })
    }
    await setDeviceRevoked(trx, deviceId, null)
    return toDevice({ ...device, revoked_at: null })
  })
}
