import { trackedCode, trackedUrl } from '../../shared/qr-codes.js'
import type { Db } from '../db/database.table.js'
import { notFound } from '../domain-errors.js'
import { eventFromRow, findEvent, kitFromRow } from '../documents/documents-repository.js'
import { findContents, insertCodes, linkTotals, listEventCodes } from './contents-repository.js'

/**
 * Stores the tracked codes of an event's contents (those of its kit with tracked links). The
 * code is derived from the two ids, so a tablet computes the same one offline; storing it lets
 * the landing page find its event and content with one indexed read. Idempotent.
 */
export async function ensureEventCodes(db: Db, eventId: string, now: Date): Promise<void> {
  const event = await findEvent(db, eventId)
  if (!event) return
  const kitRow = await db.selectFrom('kits').select(['body', 'version']).where('id', '=', eventFromRow(event).kitId).executeTakeFirst()
  const contentIds = kitRow ? (kitFromRow(kitRow).contentIds ?? []) : []
  const tracked = (await findContents(db, contentIds)).filter((c) => c.linkMode === 'tracked')
  const rows = await Promise.all(tracked.map(async (c) => ({ code: await trackedCode(eventId, c.id), event_id: eventId, content_id: c.id, created_at: now.toISOString() })))
  await insertCodes(db, rows)
}

/** Every event of a kit: after its contents changed. */
export async function ensureKitCodes(db: Db, kitId: string, now: Date): Promise<void> {
  const events = await db.selectFrom('events').select('id').where('kit_id', '=', kitId).execute()
  for (const { id } of events) await ensureEventCodes(db, id, now)
}

export async function listCodesWithCounts(db: Db, eventId: string, origin: string, now: Date) {
  if (!(await findEvent(db, eventId))) throw notFound(`event ${eventId}`)
  await ensureEventCodes(db, eventId, now)
  const [codes, totals] = await Promise.all([listEventCodes(db, eventId), linkTotals(db, eventId)])
  const count = (contentId: string, kind: string) => totals.find((t) => t.contentId === contentId && t.kind === kind)?.count ?? 0
  return codes.map((c) => ({
    code: c.code, contentId: c.content_id, url: trackedUrl(origin, c.code),
    scans: count(c.content_id, 'scan'), feedback: { useful: count(c.content_id, 'useful'), notUseful: count(c.content_id, 'not_useful') },
  }))
}
