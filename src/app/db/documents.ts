import type { EntityTable } from 'dexie'
import type { Content } from '../../shared/contents'
import type { EventDoc, Kit } from '../../shared/records'
import type { Survey } from '../../shared/surveys'
import { db } from './db'
import { setPullCursor, type PullCursor } from './sync-state'

/** Documents of one pull page (or of the first start's seed). */
export interface ServerDocuments {
  kits: readonly Kit[]
  events: readonly EventDoc[]
  surveys?: readonly Survey[]
  contents?: readonly Content[]
}

/** Puts each document unless the tablet already holds a newer copy of it. */
async function putNewer<T extends { id: string; version: number }>(table: EntityTable<T, 'id'>, docs: readonly T[]): Promise<void> {
  for (const doc of docs) {
    // Stryker disable next-line StringLiteral: id is the primary key, and Dexie reads where('') as the primary key.
    const local = await table.where('id').equals(doc.id).first()
    if (!local || local.version <= doc.version) await table.put(doc)
  }
}

/**
 * Stores kits, events, surveys and contents pulled from the server. The server owns them from
 * now on, including events this tablet created offline (their queued copy is acknowledged
 * separately).
 */
export async function saveServerDocuments({ kits, events, surveys = [], contents = [] }: ServerDocuments): Promise<void> {
  if (kits.length + events.length + surveys.length + contents.length === 0) return
  await db.transaction('rw', [db.kits, db.events, db.surveys, db.contents], async () => {
    await db.kits.bulkPut([...kits])
    for (const event of events) {
      const local = await db.events.get(event.id)
      if (!local || local.origin === 'device' || local.version <= event.version) await db.events.put({ ...event, origin: 'server' })
    }
    await putNewer(db.surveys, surveys)
    await putNewer(db.contents, contents)
  })
}

/**
 * One pulled page: its documents and the cursor after them, in one transaction, so a tablet
 * killed mid-pull resumes from the last page it stored and never skips one.
 */
export async function savePulledPage(documents: ServerDocuments, cursor: PullCursor): Promise<void> {
  await db.transaction('rw', [db.kits, db.events, db.surveys, db.contents, db.meta], async () => {
    await saveServerDocuments(documents)
    await setPullCursor(cursor)
  })
}
