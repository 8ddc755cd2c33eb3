import type { Content } from '../../shared/contents.js'
import type { Db } from '../db/database.table.js'
import { contentFromRow, countLink, findCode, findContent } from '../contents/contents-repository.js'
import { eventFromRow, findEvent, kitFromRow } from '../documents/documents-repository.js'

export interface Landing {
  code: string
  eventId: string
  content: Content
  /** The event's kit offers a survey for phones. */
  hasSurvey: boolean
}

const dayInMilan = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The content behind a code; undefined for an unknown code or a retired content (the friendly page). */
export async function resolveCode(db: Db, code: string): Promise<Landing | undefined> {
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

/** One more scan or feedback answer, by day (in Milan) and language: nothing about the visitor. */
export async function countVisit(db: Db, landing: Landing, language: string, kind: 'scan' | 'useful' | 'not_useful', now: Date): Promise<void> {
  await countLink(db, { event_id: landing.eventId, content_id: landing.content.id, day: dayInMilan.format(now), language, kind })
}
