import { vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db } from '../../src/app/db/db'
import { resetActiveKioskCache } from '../../src/app/db/active-kiosk'
import { resetLaunchScreenCache } from '../../src/app/db/launch-screen'
import { resetDeviceIdCache } from '../../src/app/db/meta'

/** A fresh, empty database and Pinia for each test. */
export async function freshState(): Promise<void> {
  setActivePinia(createPinia())
  db.close()
  await db.delete()
  await db.open()
  resetDeviceIdCache()
  resetActiveKioskCache()
  resetLaunchScreenCache()
}

/**
 * Makes the next `method` request on IndexedDB store `store` fail as a full disk does, whether
 * it comes through Dexie or straight from `writeStrict`: the request throws QuotaExceededError.
 */
export function failNextWrite(store: string, method: 'add' | 'put' | 'delete') {
  const original = IDBObjectStore.prototype[method] as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest
  let armed = true
  return vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
    if (armed && this.name === store) {
      armed = false
      throw new DOMException('disk full', 'QuotaExceededError')
    }
    return original.apply(this, args)
  } as never)
}
