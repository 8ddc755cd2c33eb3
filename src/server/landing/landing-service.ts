import type { Content } from '../../shared/contents.js'
import type { Db } from '../db/database.table.js'
import { contentFromRow, findCode, findContent } from '../contents/contents-repository.js'
import { currentDocumentVersion, eventFromRow, findEvent, kitFromRow } from '../documents/documents-repository.js'
import type { LinkCountBuffer } from './link-count-buffer.js'

export interface Landing {
  code: string
  eventId: string
  content: Content
  /** The event's kit offers a survey for phones. */
  hasSurvey: boolean
}

const dayInMilan = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The content behind a code; undefined for an unknown code or a retired content (the friendly page). */
async function lookUp(db: Db, code: string): Promise<Landing | undefined> {
  const link = await findCode(db, code)
  if (!link) return undefined
  const [contentRow, eventRow] = await Promise.all([findContent(db, link.content_id), findEvent(db, link.event_id)])
  if (!contentRow || !eventRow) return undefined
  const content = contentFromRow(contentRow)
  if (content.retiredAt) return undefined
  const kit = await db.selectFrom('kits').select(['body', 'version']).where('id', '=', eventFromRow(eventRow).kitId).executeTakeFirst()
  const hasSurvey = eventFromRow(eventRow).status === 'open' && (kit ? (kitFromRow(kit).surveyIds?.length ?? 0) > 0 : false)
  return { code, eventId: link.event_id, content, hasSurvey }
}

/**
 * Code lookups remembered while no document changes: every edit, retirement or closing bumps
 * the global document version, which one indexed read per request compares — so a change shows
 * at once, in every server process, and a crowd of scans costs no more than that read.
 */
export function createCodeResolver(db: Db, capacity = 5_000) {
  let version = -1
  const cache = new Map<string, Landing>()
  return async function resolveCode(code: string): Promise<Landing | undefined> {
    const current = await currentDocumentVersion(db)
    if (current !== version) {
      cache.clear()
      version = current
    }
    const known = cache.get(code)
    if (known) return known
    const landing = await lookUp(db, code)
    // Unknown codes are not remembered: codes are also stored outside document changes.
    if (landing) {
      if (cache.size >= capacity) cache.clear()
      cache.set(code, landing)
    }
    return landing
  }
}

/** One more scan or feedback answer, by day (in Milan) and language: nothing about the visitor. */
export function countVisit(counts: LinkCountBuffer, landing: Landing, language: string, kind: 'scan' | 'useful' | 'not_useful', now: Date): void {
  counts.add({ event_id: landing.eventId, content_id: landing.content.id, day: dayInMilan.format(now), language, kind })
}
