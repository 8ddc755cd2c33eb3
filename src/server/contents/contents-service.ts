import { v7 as uuidv7 } from 'uuid'
import { linkProblem, type Content, type ContentInput } from '../../shared/contents.js'
import type { Db } from '../db/database.table.js'
import { inTransaction } from '../db/transaction.js'
import { DomainError, notFound } from '../domain-errors.js'
import { nextDocumentVersion } from '../documents/documents-repository.js'
import { canonicalJson } from '../sync/canonical-json.js'
import { contentFromRow, findContent, insertContent, listContents, updateContent } from './contents-repository.js'

export interface ContentRules {
  /** Domains (and their subdomains) `web` contents may link to. */
  agencyDomains: readonly string[]
  /** Whether an uploaded thumbnail file exists. */
  thumbnailExists: (file: string) => boolean
}

function check(input: ContentInput, rules: ContentRules): void {
  const problem = linkProblem(input.platform, input.url, rules.agencyDomains)
  if (problem) throw new DomainError('invalid', 'bad_link', 'This link cannot be printed', [{ path: 'url', message: problem }])
  if (input.thumbnail && !rules.thumbnailExists(input.thumbnail)) {
    throw new DomainError('invalid', 'unknown_thumbnail', 'Upload the thumbnail first', [{ path: 'thumbnail', message: 'unknown_file' }])
  }
}

export const listAllContents = (db: Db) => listContents(db)

export async function createContent(db: Db, input: ContentInput, rules: ContentRules, now: Date, id: string = uuidv7()): Promise<Content> {
  check(input, rules)
  return inTransaction(db, async (trx) => {
    const version = await nextDocumentVersion(trx)
    await insertContent(trx, { id, version, body: canonicalJson({ ...input, id }), updated_at: now.toISOString() })
    return { ...input, id, version }
  })
}

async function change(db: Db, id: string, now: Date, next: (current: Content) => Omit<Content, 'version'>): Promise<Content> {
  return inTransaction(db, async (trx) => {
    const row = await findContent(trx, id)
    if (!row) throw notFound(`content ${id}`)
    const updated = next(contentFromRow(row))
    const version = await nextDocumentVersion(trx)
    await updateContent(trx, id, { version, body: canonicalJson({ ...updated, version: undefined }), updated_at: now.toISOString() })
    return { ...updated, version }
  })
}

/** A new version for tablets; `expectedVersion`, when given, must be the current one. */
export function editContent(db: Db, id: string, input: ContentInput, expectedVersion: number | undefined, rules: ContentRules, now: Date): Promise<Content> {
  check(input, rules)
  return change(db, id, now, (current) => {
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new DomainError('conflict', 'version_conflict', `The content is at version ${current.version}, not ${expectedVersion}`)
    }
    return { ...input, id, ...(current.retiredAt ? { retiredAt: current.retiredAt } : {}) }
  })
}

/** Its codes then show a friendly page; their counts stay. */
export function retireContent(db: Db, id: string, now: Date): Promise<Content> {
  return change(db, id, now, (current) => ({ ...current, retiredAt: current.retiredAt ?? now.toISOString() }))
}
