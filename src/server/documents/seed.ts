import { demoEvent } from '../../shared/demo-event.js'
import { demoKit } from '../../shared/demo-kit.js'
import { templateSurveys } from '../../shared/survey-templates/index.js'
import { demoContents } from '../../shared/demo-contents.js'
import { ensureEventCodes } from '../contents/codes-service.js'
import { findContent, insertContent } from '../contents/contents-repository.js'
import { seedPublishedSurvey } from '../surveys/surveys-service.js'
import type { Db } from '../db/database.table.js'
import { inTransaction } from '../db/transaction.js'
import { canonicalJson } from '../sync/canonical-json.js'
import { findEvent, insertEvent, insertKit, nextDocumentVersion } from './documents-repository.js'

/**
 * The shipped surveys, the demo kit and event, so the first screen is useful; idempotent, never
 * overwrites edits — except the demo kit of an install from before surveys, which gains them.
 */
export async function seedDemoDocuments(db: Db, now: Date): Promise<void> {
  for (const survey of templateSurveys) await seedPublishedSurvey(db, survey)
  for (const content of demoContents) {
    await inTransaction(db, async (trx) => {
      if (await findContent(trx, content.id)) return
      const version = await nextDocumentVersion(trx)
      await insertContent(trx, { id: content.id, version, body: canonicalJson({ ...content, version: undefined }), updated_at: now.toISOString() })
    })
  }
  await inTransaction(db, async (trx) => {
    const nowIso = now.toISOString()
    const kit = await trx.selectFrom('kits').select('body').where('id', '=', demoKit.id).executeTakeFirst()
    const stored = kit ? (JSON.parse(kit.body) as Record<string, unknown>) : undefined
    const older = stored !== undefined && (!('surveyIds' in stored) || !('contentIds' in stored))
    if (!stored || older) {
      const version = await nextDocumentVersion(trx)
      const body = canonicalJson({
        ...(stored ?? demoKit), version: undefined,
        surveyIds: stored?.surveyIds ?? demoKit.surveyIds, kiosk: stored?.kiosk ?? demoKit.kiosk, contentIds: stored?.contentIds ?? demoKit.contentIds,
      })
      if (kit) await trx.updateTable('kits').set({ version, body, updated_at: nowIso }).where('id', '=', demoKit.id).execute()
      else await insertKit(trx, { id: demoKit.id, version, body, updated_at: nowIso })
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
  await ensureEventCodes(db, demoEvent(now).id, now)
}
