import type { UpdateKitRequest } from '../../shared/admin-protocol.js'
import type { Kit } from '../../shared/records.js'
import type { Db } from '../db/database.table.js'
import { inTransaction } from '../db/transaction.js'
import { DomainError, notFound } from '../domain-errors.js'
import { existingPublishedSurveyIds } from '../surveys/surveys-repository.js'
import { ensureKitCodes } from '../contents/codes-service.js'
import { findContents } from '../contents/contents-repository.js'
import { canonicalJson } from '../sync/canonical-json.js'
import { kitFromRow, listKits, nextDocumentVersion } from './documents-repository.js'

export const listAllKits = (db: Db) => listKits(db)

/** A kit changed under a new version (tablets pull it); its surveys must be published ones. */
export async function editKit(db: Db, id: string, input: UpdateKitRequest, now: Date): Promise<Kit> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('kits').select(['body', 'version']).where('id', '=', id).executeTakeFirst()
    if (!row) throw notFound(`kit ${id}`)
    const current = kitFromRow(row)
    if (input.version !== undefined && input.version !== current.version) {
      throw new DomainError('conflict', 'version_conflict', `The kit is at version ${current.version}, not ${input.version}`)
    }
    const { version: _expected, ...fields } = input
    const surveyIds = fields.surveyIds ?? []
    const published = await existingPublishedSurveyIds(trx, surveyIds)
    const missing = surveyIds.filter((s) => !published.has(s))
    if (missing.length) {
      throw new DomainError('invalid', 'unknown_survey', 'A kit can offer published surveys only', missing.map((s) => ({ path: 'surveyIds', message: `unknown or unpublished survey ${s}` })))
    }
    const contentIds = fields.contentIds ?? []
    const contents = new Set((await findContents(trx, contentIds)).filter((c) => !c.retiredAt).map((c) => c.id))
    const unknownContents = contentIds.filter((c) => !contents.has(c))
    if (unknownContents.length) {
      throw new DomainError('invalid', 'unknown_content', 'A kit can show existing, not retired contents only', unknownContents.map((c) => ({ path: 'contentIds', message: `unknown or retired content ${c}` })))
    }
    const version = await nextDocumentVersion(trx)
    const kit: Kit = { ...fields, id, version }
    await trx.updateTable('kits').set({ version, body: canonicalJson({ ...kit, version: undefined }), updated_at: now.toISOString() }).where('id', '=', id).execute()
    await ensureKitCodes(trx, id, now)
    return kit
  })
}
