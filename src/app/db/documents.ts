import type { EventDoc, Kit } from '../../shared/records'
import { db } from './db'

/**
 * Stores kits and events pulled from the server. The server owns them from now on, including
 * events this tablet created offline (their queued copy is acknowledged separately).
 */
export async function saveServerDocuments(kits: readonly Kit[], events: readonly EventDoc[]): Promise<void> {
  if (kits.length === 0 && events.length === 0) return
  await db.transaction('rw', db.kits, db.events, async () => {
    await db.kits.bulkPut([...kits])
    for (const event of events) {
      const local = await db.events.get(event.id)
      if (!local || local.origin === 'device' || local.version <= event.version) await db.events.put({ ...event, origin: 'server' })
    }
  })
}
