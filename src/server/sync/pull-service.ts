import type { EventDoc, Kit } from '../../shared/records.js'
import type { Content } from '../../shared/contents.js'
import type { Survey } from '../../shared/surveys.js'
import type { ContentTotals, SurveyTotals } from '../../shared/sync-protocol.js'
import { PULL_PAGE_SIZE } from '../../shared/sync-protocol.js'
import type { Db } from '../db/database.table.js'
import { inTransaction } from '../db/transaction.js'
import { touchDevice } from '../devices/devices-repository.js'
import { currentDocumentVersion, eventFromRow, kitFromRow, listVersionRange } from '../documents/documents-repository.js'
import { contentFromRow, linkTotals } from '../contents/contents-repository.js'
import { surveyFromRow } from '../surveys/surveys-service.js'
import { surveyTotals } from '../surveys/surveys-repository.js'
import { eventTotals } from './facts-repository.js'

export interface PullInput {
  deviceId: string
  cursor: number
  eventId?: string
  queuedCount?: number
  now: Date
  pageSize?: number
}

export interface PullPage {
  cursor: number
  hasMore: boolean
  kits: Kit[]
  events: EventDoc[]
  surveys: Survey[]
  contents: Content[]
  totals?: { eventId: string; contacts: number; devices: number; surveys: SurveyTotals[]; contents: ContentTotals[] }
}

/**
 * One page of documents changed since the cursor, all kinds together in version order, and
 * the event's live totals. One transaction: one trip through the connection, one consistent view.
 */
export async function pullDocuments(db: Db, input: PullInput): Promise<PullPage> {
  const limit = input.pageSize ?? PULL_PAGE_SIZE
  return inTransaction(db, async (trx) => {
    await touchDevice(trx, input.deviceId, input.now.toISOString(), input.queuedCount)
    // Read the ceiling first: every version up to it is committed (see nextDocumentVersion).
    const ceiling = await currentDocumentVersion(trx)
    // A cursor from the future means the tablet last synced with another (or a restored)
    // database: send everything rather than nothing.
    const since = input.cursor > ceiling ? 0 : input.cursor
    const [kitRows, eventRows, surveyRows, contentRows] = await Promise.all([
      listVersionRange(trx, 'kits', since, ceiling, limit + 1),
      listVersionRange(trx, 'events', since, ceiling, limit + 1),
      listVersionRange(trx, 'surveys', since, ceiling, limit + 1),
      listVersionRange(trx, 'contents', since, ceiling, limit + 1),
    ])
    const merged = [
      ...kitRows.map((row) => ({ version: row.version, kit: kitFromRow({ version: row.version, body: row.body ?? '' }) })),
      ...eventRows.map((row) => ({ version: row.version, event: eventFromRow({ version: row.version, body: row.body ?? '' }) })),
      ...surveyRows.map((row) => ({ version: row.version, survey: surveyFromRow(row) })),
      ...contentRows.map((row) => ({ version: row.version, content: contentFromRow({ version: row.version, body: row.body ?? '' }) })),
    ].sort((a, b) => a.version - b.version)
    const page = merged.slice(0, limit)
    const hasMore = merged.length > limit
    return {
      cursor: hasMore ? (page.at(-1)?.version ?? since) : ceiling,
      hasMore,
      kits: page.flatMap((d) => ('kit' in d ? [d.kit] : [])),
      events: page.flatMap((d) => ('event' in d ? [d.event] : [])),
      surveys: page.flatMap((d) => ('survey' in d ? [d.survey] : [])),
      contents: page.flatMap((d) => ('content' in d ? [d.content] : [])),
      ...(input.eventId ? { totals: await totalsOf(trx, input.eventId) } : {}),
    }
  })
}

async function totalsOf(db: Db, eventId: string): Promise<NonNullable<PullPage['totals']>> {
  const links = await linkTotals(db, eventId)
  const ids = [...new Set(links.map((l) => l.contentId))]
  const count = (contentId: string, kind: string) => links.find((l) => l.contentId === contentId && l.kind === kind)?.count ?? 0
  return {
    eventId,
    ...(await eventTotals(db, eventId)),
    surveys: await surveyTotals(db, eventId),
    contents: ids.map((contentId) => ({ contentId, scans: count(contentId, 'scan'), useful: count(contentId, 'useful'), notUseful: count(contentId, 'not_useful') })),
  }
}
