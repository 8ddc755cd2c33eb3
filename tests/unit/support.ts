import { createPinia, setActivePinia } from 'pinia'
import { db } from '../../src/app/db/db'
import { resetActiveKioskCache } from '../../src/app/db/active-kiosk'
import { resetDeviceIdCache } from '../../src/app/db/meta'

/** A fresh, empty database and Pinia for each test. */
export async function freshState(): Promise<void> {
  setActivePinia(createPinia())
  db.close()
  await db.delete()
  await db.open()
  resetDeviceIdCache()
  resetActiveKioskCache()
}
