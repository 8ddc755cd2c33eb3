import type { EventDoc, Kit } from '../../shared/records'
import { db } from './db'
import { setPullCursor, type PullCursor } from './sync-state'

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

/**
 * One pulled page: its documents and the cursor after them, in one transaction, so a tablet
 * killed mid-pull resumes from the last page it stored and never skips one.
 */
export async function savePulledPage(kits: readonly Kit[], events: readonly EventDoc[], cursor: PullCursor): Promise<void> {
  await db.transaction('rw', db.kits, db.events, db.meta, async () => {
    await saveServerDocuments(kits, events)
    await setPullCursor(cursor)
  })
}
