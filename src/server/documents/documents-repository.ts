import type { Transaction } from 'kysely'
import type { EventDoc, Kit } from '../../shared/records.js'
import type { Database, Db } from '../db/database.table.js'
import type { EventRow, KitRow, NewEventRow } from '../db/documents.table.js'
import { eventColumns } from '../db/fact-dimensions.js'

/**
 * Next value of the global document version (the pull cursor). The row lock taken by the
 * update is held until commit, so on PostgreSQL versions become visible in the order they
 * were handed out and a pull by cursor never skips a document committed late.
 */
export async function nextDocumentVersion(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable('doc_counter')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'documents')
    .returning('value')
    .executeTakeFirstOrThrow()
  return Number(row.value)
}

/** The highest version handed out and committed. */
export async function currentDocumentVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('doc_counter').select('value').where('name', '=', 'documents').executeTakeFirstOrThrow()
  return Number(row.value)
}

export function kitFromRow(row: Pick<KitRow, 'body' | 'version'>): Kit {
  return { ...(JSON.parse(row.body) as Omit<Kit, 'version'>), version: row.version }
}

export function eventFromRow(row: Pick<EventRow, 'body' | 'version'>): EventDoc {
  return { ...(JSON.parse(row.body) as Omit<EventDoc, 'version'>), version: row.version }
}

export async function kitExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('kits').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

export async function existingKitIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('kits').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

export async function insertKit(db: Db, kit: KitRow): Promise<void> {
  await db.insertInto('kits').values(kit).onConflict((oc) => oc.column('id').doNothing()).execute()
}

export async function listKits(db: Db): Promise<Kit[]> {
  return (await db.selectFrom('kits').select(['body', 'version']).orderBy('version').execute()).map(kitFromRow)
}

export function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findEvents(db: Db, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return []
  return db.selectFrom('events').selectAll().where('id', 'in', ids).execute()
}

/** False when the id exists already: on PostgreSQL two concurrent creates both see no row, one wins here. */
export async function insertEvent(db: Db, row: NewEventRow): Promise<boolean> {
  const result = await db.insertInto('events').values({ ...row, ...eventColumns(JSON.parse(row.body)) }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function updateEvent(
  db: Db,
  id: string,
  change: Pick<EventRow, 'body' | 'version' | 'status' | 'kit_id' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('events').set({ ...change, ...eventColumns(JSON.parse(change.body)) }).where('id', '=', id).execute()
}

export async function listEvents(db: Db): Promise<EventDoc[]> {
  return (await db.selectFrom('events').select(['body', 'version']).orderBy('version').execute()).map(eventFromRow)
}

export async function existingEventIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('events').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

/** Open events a device created offline and pushed: what the per-device cap counts. */
export async function countOpenEventsPushedBy(db: Db, deviceId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pushed_by', '=', deviceId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Document tables a pull pages through, all keyed by the one global version. */
export type DocumentTable = 'kits' | 'events' | 'surveys' | 'contents'

/** Rows of one table with since < version ≤ ceiling, oldest first, at most `limit`. */
export function listVersionRange(db: Db, table: DocumentTable, since: number, ceiling: number, limit: number) {
  return db
    .selectFrom(table)
    .select(['body', 'version'])
    .where('version', '>', since)
    .where('version', '<=', ceiling)
    .orderBy('version')
    .limit(limit)
    .execute()
}
