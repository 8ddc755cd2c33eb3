import { v7 as uuidv7 } from 'uuid'
import type { CreateKitRequest, KitFile, UpdateKitRequest } from '../../shared/admin-protocol.js'
import { linkProblem } from '../../shared/contents.js'
import type { Kit } from '../../shared/records.js'
import type { Db } from '../db/database.table.js'
import { inTransaction } from '../db/transaction.js'
import { DomainError, notFound } from '../domain-errors.js'
import { ensureKitCodes } from '../contents/codes-service.js'
import { findContents } from '../contents/contents-repository.js'
import { existingPublishedSurveyIds } from '../surveys/surveys-repository.js'
import { canonicalJson } from '../sync/canonical-json.js'
import { insertKit, kitFromRow, listKits, nextDocumentVersion } from './documents-repository.js'
import { importKitFile, kitFileOf } from './kit-files.js'

export const listAllKits = (db: Db) => listKits(db)

/** A kit offers published surveys and shows contents that exist and are not retired. */
export async function checkKitReferences(db: Db, fields: Pick<Kit, 'surveyIds' | 'contentIds'>): Promise<void> {
  const surveyIds = fields.surveyIds ?? []
  const published = await existingPublishedSurveyIds(db, surveyIds)
  const missing = surveyIds.filter((s) => !published.has(s))
  if (missing.length) {
    throw new DomainError('invalid', 'unknown_survey', 'A kit can offer published surveys only', missing.map((s) => ({ path: 'surveyIds', message: `unknown or unpublished survey ${s}` })))
  }
  const contentIds = fields.contentIds ?? []
  const contents = new Set((await findContents(db, contentIds)).filter((c) => !c.retiredAt).map((c) => c.id))
  const unknown = contentIds.filter((c) => !contents.has(c))
  if (unknown.length) {
    throw new DomainError('invalid', 'unknown_content', 'A kit can show existing, not retired contents only', unknown.map((c) => ({ path: 'contentIds', message: `unknown or retired content ${c}` })))
  }
}

async function findKit(db: Db, id: string): Promise<Kit | undefined> {
  const row = await db.selectFrom('kits').select(['body', 'version']).where('id', '=', id).executeTakeFirst()
  return row ? kitFromRow(row) : undefined
}

export async function createKit(db: Db, input: CreateKitRequest, now: Date, id: string = uuidv7()): Promise<Kit> {
  return inTransaction(db, async (trx) => {
    await checkKitReferences(trx, input)
    const version = await nextDocumentVersion(trx)
    const kit: Kit = { ...input, id, version }
    await insertKit(trx, { id, version, body: canonicalJson({ ...kit, version: undefined }), updated_at: now.toISOString() })
    return kit
  })
}

/** A copy to personalise for another target or setting; events of the original are not touched. */
export async function duplicateKit(db: Db, id: string, name: string, now: Date): Promise<Kit> {
  const original = await findKit(db, id)
  if (!original) throw notFound(`kit ${id}`)
  const { id: _id, version: _version, ...fields } = original
  return createKit(db, { ...fields, name }, now)
}

/** A kit changed under a new version (tablets pull it); `version`, when given, must be the current one. */
export async function editKit(db: Db, id: string, input: UpdateKitRequest, now: Date): Promise<Kit> {
  return inTransaction(db, async (trx) => {
    const current = await findKit(trx, id)
    if (!current) throw notFound(`kit ${id}`)
    if (input.version !== undefined && input.version !== current.version) {
      throw new DomainError('conflict', 'version_conflict', `The kit is at version ${current.version}, not ${input.version}`)
    }
    const { version: _expected, ...fields } = input
    await checkKitReferences(trx, fields)
    const version = await nextDocumentVersion(trx)
    const kit: Kit = { ...fields, id, version }
    await trx.updateTable('kits').set({ version, body: canonicalJson({ ...kit, version: undefined }), updated_at: now.toISOString() }).where('id', '=', id).execute()
    await ensureKitCodes(trx, id, now)
    return kit
  })
}

export async function exportKit(db: Db, id: string): Promise<KitFile> {
  const kit = await findKit(db, id)
  if (!kit) throw notFound(`kit ${id}`)
  return kitFileOf(db, kit)
}

/** The contents' links must be printable here too (this agency's domains, for `web` ones). */
export async function importKit(db: Db, file: KitFile, agencyDomains: readonly string[], now: Date): Promise<{ kit: Kit; created: boolean }> {
  const refused = file.contents.flatMap((c, i) => {
    const problem = linkProblem(c.platform, c.url, agencyDomains)
    return problem ? [{ path: `contents.${i}.url`, message: problem }] : []
  })
  if (refused.length) throw new DomainError('invalid', 'bad_link', 'Some contents link where this agency does not', refused)
  return inTransaction(db, (trx) => importKitFile(trx, file, now))
}
