import { ensureDemoDocuments } from '../db/kits'
import { getDeviceId } from '../db/meta'
import { useStorageStore } from '../storage/storage-store'

/** First start: the demo kit and this tablet's id exist before the first screen; ask to persist. */
export async function install(): Promise<void> {
  const storage = useStorageStore()
  try {
    await Promise.all([ensureDemoDocuments(), getDeviceId()])
  } catch (error) {
    storage.reportWriteError(error)
  }
  void storage.requestPersistence()
}
