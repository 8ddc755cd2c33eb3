import type { KitFile } from '../../shared/admin-protocol.js'
import type { Kit } from '../../shared/records.js'
import type { Transaction } from 'kysely'
import type { Database, Db } from '../db/database.table.js'
import { DomainError } from '../domain-errors.js'
import { findContent, findContents, insertContent } from '../contents/contents-repository.js'
import { findSurvey, insertSurvey, insertSurveyRevision } from '../surveys/surveys-repository.js'
import { surveyFromRow } from '../surveys/surveys-service.js'
import { canonicalJson } from '../sync/canonical-json.js'
import { insertKit, kitFromRow, nextDocumentVersion } from './documents-repository.js'

/** The kit with the published surveys and the contents it uses: a file another agency can import whole. */
export async function kitFileOf(db: Db, kit: Kit): Promise<KitFile> {
  const surveys = []
  for (const id of kit.surveyIds ?? []) {
    const row = await findSurvey(db, id)
    if (row?.body) {
      const { version: _v, ...survey } = surveyFromRow(row)
      surveys.push(survey)
    }
  }
  const contents = (await findContents(db, kit.contentIds ?? [])).map(({ version: _v, ...content }) => content)
  const { version: _version, ...rest } = kit
  return { format: 'corner-kit', formatVersion: 1, kit: rest, surveys, contents }
}

/**
 * Imports a kit file in the caller's transaction: surveys and contents this server lacks are
 * added under their ids (those it has are kept as they are), then the kit. The same file again
 * changes nothing; a different kit under an id already here is refused, never overwritten.
 */
export async function importKitFile(trx: Transaction<Database>, file: KitFile, now: Date): Promise<{ kit: Kit; created: boolean }> {
  const nowIso = now.toISOString()
  const inFile = (ids: readonly string[] | undefined, present: Set<string>, what: string) => {
    const missing = (ids ?? []).filter((id) => !present.has(id))
    if (missing.length) throw new DomainError('invalid', 'incomplete_kit_file', `The file names ${what} it does not carry`, missing.map((id) => ({ path: what, message: id })))
  }
  const existing = await trx.selectFrom('kits').select(['body', 'version']).where('id', '=', file.kit.id).executeTakeFirst()
  if (existing) {
    const { version: _v, ...stored } = kitFromRow(existing)
    if (canonicalJson(stored) === canonicalJson(file.kit)) return { kit: kitFromRow(existing), created: false }
    throw new DomainError('conflict', 'kit_exists', 'A different kit with this id is already here: duplicate it instead of importing over it')
  }
  const surveysHere = new Set<string>()
  for (const survey of file.surveys) {
    if (!(await findSurvey(trx, survey.id))) {
      const body = canonicalJson(survey)
      const version = await nextDocumentVersion(trx)
      await insertSurvey(trx, { id: survey.id, version, revision: survey.revision, body, draft_body: null, draft_version: 0, updated_at: nowIso })
      await insertSurveyRevision(trx, { survey_id: survey.id, revision: survey.revision, body, published_at: survey.publishedAt })
    }
    surveysHere.add(survey.id)
  }
  for (const id of file.kit.surveyIds ?? []) if ((await findSurvey(trx, id))?.body) surveysHere.add(id)
  inFile(file.kit.surveyIds, surveysHere, 'surveyIds')
  const contentsHere = new Set<string>()
  for (const content of file.contents) {
    if (!(await findContent(trx, content.id))) {
      const version = await nextDocumentVersion(trx)
      await insertContent(trx, { id: content.id, version, body: canonicalJson(content), updated_at: nowIso })
    }
    contentsHere.add(content.id)
  }
  for (const c of await findContents(trx, file.kit.contentIds ?? [])) contentsHere.add(c.id)
  inFile(file.kit.contentIds, contentsHere, 'contentIds')
  const version = await nextDocumentVersion(trx)
  await insertKit(trx, { id: file.kit.id, version, body: canonicalJson(file.kit), updated_at: nowIso })
  return { kit: { ...file.kit, version }, created: true }
}
