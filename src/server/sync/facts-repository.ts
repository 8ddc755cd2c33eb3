import { CompiledQuery, sql, type DialectAdapter } from 'kysely'
import type { Db } from '../db/database.table.js'
import type { NewFactRow } from '../db/facts.table.js'
import { PHONE_DEVICE_ID } from '../../shared/content-protocol.js'

// 17 bound columns per row: 500 rows stay under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const ROWS_PER_INSERT = 500

/** Every column a pushed fact fills, in the order of the insert's parameters. */
const FACT_COLUMNS = [
  'id', 'event_id', 'device_id', 'kind', 'topic', 'target_id', 'survey_id', 'interaction_type', 'age_band', 'audience', 'language',
  'group_size', 'local_day', 'local_hour', 'at', 'received_at', 'body',
] as const satisfies readonly (keyof NewFactRow)[]

/**
 * The insert's SQL per dialect and row count, built by kysely once: a push then only binds its
 * values (building and compiling a 500-row insert cost about 1 ms of every push). The most
 * recently used row counts are kept, at most SQL_KEPT of them (a 500-row text is ~40 KB).
 */
const insertSql = new WeakMap<DialectAdapter, Map<number, string>>()
const SQL_KEPT = 32

function factInsert(db: Db, rows: NewFactRow[]): CompiledQuery<{ id: string }> {
  const adapter = db.getExecutor().adapter
  const byCount = insertSql.get(adapter) ?? new Map<number, string>()
  insertSql.set(adapter, byCount)
  const parameters = rows.flatMap((r) => FACT_COLUMNS.map((c) => r[c] ?? null))
  let text = byCount.get(rows.length)
  if (text === undefined) {
    const ordered = rows.map((r) => Object.fromEntries(FACT_COLUMNS.map((c) => [c, r[c] ?? null])) as unknown as NewFactRow)
    text = db.insertInto('facts').values(ordered).onConflict((oc) => oc.column('id').doNothing()).returning('id').compile().sql
    if (byCount.size >= SQL_KEPT) byCount.delete(byCount.keys().next().value as number)
  }
  byCount.delete(rows.length) // re-inserted: the Map's order is least recently used first
  byCount.set(rows.length, text)
  return CompiledQuery.raw(text, parameters) as CompiledQuery<{ id: string }>
}

/** Inserts the rows whose id is new; returns the ids actually inserted. Never overwrites. */
export async function insertNewFacts(db: Db, rows: NewFactRow[]): Promise<Set<string>> {
  const inserted = new Set<string>()
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    // Stryker disable next-line MethodExpression: a push holds at most 500 facts, and rows inserted again are skipped (ON CONFLICT DO NOTHING).
    const chunk = rows.slice(i, i + ROWS_PER_INSERT)
    const { rows: returned } = await db.executeQuery(factInsert(db, chunk))
    for (const r of returned) inserted.add(r.id)
  }
  return inserted
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
