import { v7 as uuidv7 } from 'uuid'
import { db } from './db'

let deviceIdCache: string | undefined

/** This tablet's id: made once, stored locally, written into every fact it creates. */
export async function getDeviceId(): Promise<string> {
  if (deviceIdCache) return deviceIdCache
  // Read first: a read-write transaction would hold up the first screen's reads on every start.
  // Stryker disable next-line StringLiteral: reading key '' finds nothing, and the transaction below reads 'deviceId' and returns the same id.
  const stored = (await db.meta.get('deviceId'))?.value
  // Stryker disable next-line StringLiteral: a typeof is never '', so the transaction below reads the same stored id.
  if (typeof stored === 'string') return (deviceIdCache = stored)
  deviceIdCache = await db.transaction('rw', db.meta, async () => {
    const found = await db.meta.get('deviceId')
    if (typeof found?.value === 'string') return found.value
    const id = uuidv7()
    await db.meta.add({ key: 'deviceId', value: id })
    return id
  })
  return deviceIdCache
}

/** This tablet's id if `getDeviceId` has already read it in this page, without waiting. */
// Stryker disable next-line BlockStatement: its one caller falls back to getDeviceId(), which gives the same id (only later).
export function cachedDeviceId(): string | undefined {
  return deviceIdCache
}

/** Forgets the cached id (tests delete the database between cases). */
export function resetDeviceIdCache(): void {
  deviceIdCache = undefined
}
