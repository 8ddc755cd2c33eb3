import type { Content } from '../../shared/contents.js'
import type { ContentRow } from '../db/contents.table.js'
import type { Db } from '../db/database.table.js'

export function contentFromRow(row: Pick<ContentRow, 'body' | 'version'>): Content {
  return { ...(JSON.parse(row.body) as Omit<Content, 'version'>), version: row.version }
}

export function findContent(db: Db, id: string): Promise<ContentRow | undefined> {
  return db.selectFrom('contents').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listContents(db: Db): Promise<Content[]> {
  return (await db.selectFrom('contents').select(['body', 'version']).orderBy('version').execute()).map(contentFromRow)
}

export async function findContents(db: Db, ids: string[]): Promise<Content[]> {
  if (ids.length === 0) return []
  return (await db.selectFrom('contents').select(['body', 'version']).where('id', 'in', ids).execute()).map(contentFromRow)
}

export async function insertContent(db: Db, row: ContentRow): Promise<void> {
  await db.insertInto('contents').values(row).onConflict((oc) => oc.column('id').doNothing()).execute()
}

export async function updateContent(db: Db, id: string, change: Pick<ContentRow, 'version' | 'body' | 'updated_at'>): Promise<void> {
  await db.updateTable('contents').set(change).where('id', '=', id).execute()
}

export async function insertCodes(db: Db, rows: { code: string; event_id: string; content_id: string; created_at: string }[]): Promise<void> {
  if (rows.length === 0) return
  await db.insertInto('content_codes').values(rows).onConflict((oc) => oc.doNothing()).execute()
}

export function findCode(db: Db, code: string) {
  return db.selectFrom('content_codes').select(['code', 'event_id', 'content_id']).where('code', '=', code).executeTakeFirst()
}

export function listEventCodes(db: Db, eventId: string) {
  return db.selectFrom('content_codes').select(['code', 'content_id']).where('event_id', '=', eventId).orderBy('created_at').execute()
}

/** Adds to aggregate rows (no read first: safe with several server processes counting at once). */
export async function countLinks(db: Db, counts: { key: { event_id: string; content_id: string; day: string; language: string; kind: 'scan' | 'useful' | 'not_useful' }; count: number }[]): Promise<void> {
  for (const { key, count } of counts) {
    await db
      .insertInto('link_counts')
      .values({ ...key, count })
      .onConflict((oc) => oc.columns(['event_id', 'content_id', 'day', 'language', 'kind']).doUpdateSet((eb) => ({ count: eb('link_counts.count', '+', count) })))
      .execute()
  }
}

/** Totals per content and kind for an event, all days and languages together. */
export async function linkTotals(db: Db, eventId: string) {
  const rows = await db
    .selectFrom('link_counts')
    .select(['content_id', 'kind', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('event_id', '=', eventId)
    .groupBy(['content_id', 'kind'])
    .execute()
  return rows.map((r) => ({ contentId: r.content_id, kind: r.kind, count: Number(r.n) }))
}
