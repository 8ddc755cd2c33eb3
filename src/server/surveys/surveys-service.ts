import { v7 as uuidv7 } from 'uuid'
import type { SurveyDetail, SurveyFile, SurveySummary } from '../../shared/survey-protocol.js'
import { surveyContentSchema, type Survey, type SurveyContent, type SurveyDraftContent } from '../../shared/surveys.js'
import type { Db } from '../db/database.table.js'
import type { SurveyRow } from '../db/surveys.table.js'
import { inTransaction } from '../db/transaction.js'
import { DomainError, notFound } from '../domain-errors.js'
import { nextDocumentVersion } from '../documents/documents-repository.js'
import { canonicalJson } from '../sync/canonical-json.js'
import { findSurvey, insertSurvey, insertSurveyRevision, listSurveyRows, updateSurveyIfDraft } from './surveys-repository.js'

/** A published survey as tablets get it; the stored body leaves out the version (its own column). */
export function surveyFromRow(row: Pick<SurveyRow, 'body' | 'version'>): Survey {
  return { ...(JSON.parse(row.body ?? 'null') as Omit<Survey, 'version'>), version: row.version }
}

function detail(row: SurveyRow): SurveyDetail {
  return {
    id: row.id,
    revision: row.revision,
    draftVersion: row.draft_version,
    published: row.body ? surveyFromRow(row) : null,
    draft: row.draft_body ? (JSON.parse(row.draft_body) as SurveyDraftContent) : null,
  }
}

export async function listSurveys(db: Db): Promise<SurveySummary[]> {
  return (await listSurveyRows(db)).map((row) => {
    const current = JSON.parse(row.draft_body ?? row.body ?? '{}') as Partial<SurveyContent>
    return { id: row.id, name: current.name ?? '', revision: row.revision, languages: current.languages ?? [], hasDraft: row.draft_body !== null, updatedAt: row.updated_at }
  })
}

export async function getSurvey(db: Db, id: string): Promise<SurveyDetail> {
  const row = await findSurvey(db, id)
  if (!row) throw notFound(`survey ${id}`)
  return detail(row)
}

/** A new survey starts as a draft (translations may be missing): tablets see nothing of it until it is published. */
export async function createSurvey(db: Db, content: SurveyDraftContent, now: Date): Promise<SurveyDetail> {
  const row: SurveyRow = { id: uuidv7(), version: 0, revision: 0, body: null, draft_body: canonicalJson(content), draft_version: 1, updated_at: now.toISOString() }
  await insertSurvey(db, row)
  return detail(row)
}

const draftConflict = (row: SurveyRow, expected: number) =>
  new DomainError('conflict', 'draft_conflict', `The survey changed since it was opened (draft ${row.draft_version}, not ${expected})`)

/**
 * Saves the draft if nobody saved or published since the editor opened `expectedDraftVersion`;
 * otherwise 409 draft_conflict and the stored draft stays as it is (no last write wins).
 */
export async function saveDraft(db: Db, id: string, content: SurveyDraftContent, expectedDraftVersion: number, now: Date): Promise<SurveyDetail> {
  return inTransaction(db, async (trx) => {
    const row = await findSurvey(trx, id)
    if (!row) throw notFound(`survey ${id}`)
    if (row.draft_version !== expectedDraftVersion) throw draftConflict(row, expectedDraftVersion)
    const change = { draft_body: canonicalJson(content), draft_version: row.draft_version + 1, updated_at: now.toISOString() }
    // Compare-and-set in the statement too: two saves racing past the read still cannot both win.
    if (!(await updateSurveyIfDraft(trx, id, row.draft_version, change))) throw draftConflict(row, expectedDraftVersion)
    return detail({ ...row, ...change })
  })
}

/** Every text a draft lacks in one of its languages, as error details (path and `missing_translation`). */
function missingTexts(draft: SurveyDraftContent) {
  const result = surveyContentSchema.safeParse(draft)
  if (result.success) return []
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.code === 'custom' ? issue.message : issue.code }))
}

/**
 * The draft becomes the next revision, pulled by every tablet. Earlier revisions stay stored:
 * responses taken with them are still checked and counted against them.
 */
export async function publishSurvey(db: Db, id: string, expected: { revision?: number; draftVersion?: number }, now: Date): Promise<SurveyDetail> {
  return inTransaction(db, async (trx) => {
    const row = await findSurvey(trx, id)
    if (!row) throw notFound(`survey ${id}`)
    if (expected.revision !== undefined && expected.revision !== row.revision) {
      throw new DomainError('conflict', 'revision_conflict', `The survey is at revision ${row.revision}, not ${expected.revision}`)
    }
    if (expected.draftVersion !== undefined && expected.draftVersion !== row.draft_version) throw draftConflict(row, expected.draftVersion)
    if (!row.draft_body) throw new DomainError('conflict', 'nothing_to_publish', 'There is no draft to publish')
    const draft = JSON.parse(row.draft_body) as SurveyDraftContent
    // Tablets show every text in the visitor's language: a draft still missing some stays a draft.
    const missing = missingTexts(draft)
    if (missing.length > 0) throw new DomainError('invalid', 'incomplete_translation', `${missing.length} texts are missing in some language`, missing)
    const revision = row.revision + 1
    const publishedAt = now.toISOString()
    const body = canonicalJson({ ...(draft as SurveyContent), id, revision, publishedAt })
    const version = await nextDocumentVersion(trx)
    await insertSurveyRevision(trx, { survey_id: id, revision, body, published_at: publishedAt })
    const change = { version, revision, body, draft_body: null, draft_version: row.draft_version + 1, updated_at: publishedAt }
    if (!(await updateSurveyIfDraft(trx, id, row.draft_version, change))) throw draftConflict(row, row.draft_version)
    return detail({ ...row, ...change })
  })
}

/** The published revision (or the draft of a never-published survey) as a file for another agency. */
export async function exportSurvey(db: Db, id: string): Promise<SurveyFile> {
  const row = await findSurvey(db, id)
  if (!row) throw notFound(`survey ${id}`)
  const source = JSON.parse(row.body ?? row.draft_body ?? 'null') as SurveyContent & Partial<Survey>
  const { id: _id, version: _v, revision: _r, publishedAt: _p, ...content } = source
  return { format: 'corner-survey', formatVersion: 1, survey: content }
}

/** Seeds a shipped survey as published revision 1 with its fixed id; never touches one that exists. */
export async function seedPublishedSurvey(db: Db, survey: Survey): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (await findSurvey(trx, survey.id)) return
    const { version: _v, ...stored } = survey
    const body = canonicalJson(stored)
    const version = await nextDocumentVersion(trx)
    await insertSurvey(trx, { id: survey.id, version, revision: survey.revision, body, draft_body: null, draft_version: 0, updated_at: survey.publishedAt })
    await insertSurveyRevision(trx, { survey_id: survey.id, revision: survey.revision, body, published_at: survey.publishedAt })
  })
}
