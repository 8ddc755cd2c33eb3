import { CompiledQuery, SqliteAdapter, sql, type DialectAdapter } from 'kysely'
import type { Db } from '../db/database.table.js'
import type { NewFactRow } from '../db/facts.table.js'
import { inTransaction } from '../db/transaction.js'
import { PHONE_DEVICE_ID } from '../../shared/content-protocol.js'

// 17 bound columns per row: 500 rows stay under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const ROWS_PER_INSERT = 500

/** Every column a pushed fact fills, in the order of the insert's parameters. */
export const FACT_COLUMNS = [
  'id', 'event_id', 'device_id', 'kind', 'topic', 'target_id', 'survey_id', 'interaction_type', 'age_band', 'audience', 'language',
  'group_size', 'local_day', 'local_hour', 'at', 'received_at', 'body',
] as const satisfies readonly (keyof NewFactRow)[]

/** The rows' values in FACT_COLUMNS order (a plain loop: `flatMap` over per-row arrays cost ~0.6 ms a push). */
function parametersOf(rows: readonly NewFactRow[]): unknown[] {
  const parameters: unknown[] = []
  for (const row of rows) for (const column of FACT_COLUMNS) parameters.push(row[column] ?? null)
  return parameters
}

/**
 * PostgreSQL says which rows it inserted (RETURNING). On SQLite, handing 500 ids back cost ~0.6 ms
 * of a push that nearly always inserts them all: there the insert reports how many rows it added.
 */
// Stryker disable next-line ConditionalExpression,BooleanLiteral: with one writer at a time (as in the tests) both ways give the same ids; the choice is speed on SQLite and concurrent writers on PostgreSQL.
const returnsIds = (db: Db) => !(db.getExecutor().adapter instanceof SqliteAdapter)

/**
 * The insert's SQL per dialect (with RETURNING or not, see returnsIds) and row count, built by
 * kysely once: a push then only binds its values (building and compiling a 500-row insert cost
 * about 1 ms of every push). The most recently used row counts are kept, at most SQL_KEPT of
 * them (a 500-row text is ~40 KB).
 */
const insertSql = new WeakMap<DialectAdapter, Map<number, string>>()
const SQL_KEPT = 32

function factInsert(db: Db, rows: NewFactRow[]): CompiledQuery<{ id: string }> {
  const adapter = db.getExecutor().adapter
  const byCount = insertSql.get(adapter) ?? new Map<number, string>()
  insertSql.set(adapter, byCount)
  let text = byCount.get(rows.length)
  if (text === undefined) {
    const ordered = rows.map((r) => Object.fromEntries(FACT_COLUMNS.map((c) => [c, r[c] ?? null])) as unknown as NewFactRow)
    const insert = db.insertInto('facts').values(ordered).onConflict((oc) => oc.column('id').doNothing())
    text = (returnsIds(db) ? insert.returning('id') : insert).compile().sql
    if (byCount.size >= SQL_KEPT) byCount.delete(byCount.keys().next().value as number)
  }
  byCount.delete(rows.length) // re-inserted: the Map's order is least recently used first
  byCount.set(rows.length, text)
  return CompiledQuery.raw(text, parametersOf(rows)) as CompiledQuery<{ id: string }>
}

/**
 * Inserts the rows whose id is new; returns the ids actually inserted. Never overwrites.
 * On SQLite, only when the insert added fewer rows than it was given are the added ones read
 * back: the newest `seq` values, since `seq` is AUTOINCREMENT (a new row's is above every
 * earlier one) and the transaction holds SQLite's only write lock (no other request inserts
 * in between).
 */
export function insertNewFacts(db: Db, rows: NewFactRow[]): Promise<Set<string>> {
  return inTransaction(db, async (trx) => {
    const inserted = new Set<string>()
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      // Stryker disable next-line MethodExpression: a push holds at most 500 facts, and rows inserted again are skipped (ON CONFLICT DO NOTHING).
      const chunk = rows.slice(i, i + ROWS_PER_INSERT)
      const result = await trx.executeQuery(factInsert(trx, chunk))
      const added = Number(result.numAffectedRows)
      if (returnsIds(trx)) for (const r of result.rows) inserted.add(r.id)
      // Stryker disable next-line ConditionalExpression: reading back the newest rows when all were added gives the same ids, only slower.
      else if (added === chunk.length) for (const r of chunk) inserted.add(r.id)
      else for (const r of await trx.selectFrom('facts').select('id').orderBy('seq', 'desc').limit(added).execute()) inserted.add(r.id)
    }
    return inserted
  })
}

export async function findFactBodies(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('facts').select(['id', 'body']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.body]))
}

export interface FactIdentity {
  kind: string
  deviceId: string
  eventId: string
}

/** Kind, device and event of stored facts: what a void's target is checked against. */
export async function findFactIdentities(db: Db, ids: string[]): Promise<Map<string, FactIdentity>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('facts').select(['id', 'kind', 'device_id', 'event_id']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, { kind: r.kind, deviceId: r.device_id, eventId: r.event_id }]))
}

export async function countFacts(db: Db): Promise<number> {
  const row = await db.selectFrom('facts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Contacts = interactions not voided, across all devices; devices = those with any fact. */
export async function eventTotals(db: Db, eventId: string): Promise<{ contacts: number; devices: number }> {
  const counts = await db
    .selectFrom('facts')
    .select([
      sql<number>`sum(case when kind = 'interaction' then 1 else 0 end)`.as('interactions'),
      // Phones share one device id (PHONE_DEVICE_ID): they are not tablets.
      sql<number>`count(distinct case when device_id <> ${PHONE_DEVICE_ID} then device_id end)`.as('devices'),
    ])
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow()
  // Voids are few: count their distinct targets that are interactions of this event.
  const voided = await db
    .selectFrom('facts as v')
    .innerJoin('facts as f', 'f.id', 'v.target_id')
    .select(sql<number>`count(distinct v.target_id)`.as('n'))
    .where('v.event_id', '=', eventId)
    .where('v.kind', '=', 'void')
    .where('f.event_id', '=', eventId)
    .where('f.kind', '=', 'interaction')
    .executeTakeFirstOrThrow()
  return { contacts: Number(counts.interactions ?? 0) - Number(voided.n), devices: Number(counts.devices) }
}
