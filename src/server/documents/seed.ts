import { demoEvent } from '../../shared/demo-event.js'
import { demoKit } from '../../shared/demo-kit.js'
import type { Db } from '../db/database.table.js'
import { inTransaction } from '../db/transaction.js'
import { canonicalJson } from '../sync/canonical-json.js'
import { findEvent, insertEvent, insertKit, kitExists, nextDocumentVersion } from './documents-repository.js'

/** The demo kit and event, so the first screen is useful; idempotent, never overwrites edits. */
export async function seedDemoDocuments(db: Db, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    const nowIso = now.toISOString()
    if (!(await kitExists(trx, demoKit.id))) {
      const version = await nextDocumentVersion(trx)
      await insertKit(trx, { id: demoKit.id, version, body: canonicalJson({ ...demoKit, version: undefined }), updated_at: nowIso })
    }
    const event = demoEvent(now)
    if (!(await findEvent(trx, event.id))) {
      const version = await nextDocumentVersion(trx)
      await insertEvent(trx, {
        id: event.id, version, kit_id: event.kitId, status: event.status, body: canonicalJson({ ...event, version: undefined }),
        pushed_body: null, pushed_by: null, updated_at: nowIso,
      })
    }
  })
}
