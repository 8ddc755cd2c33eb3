import type { ExportQuery } from '../../shared/report-protocol.js'
import type { ExportableFact } from '../../shared/export-rows.js'
import type { Db } from '../db/database.table.js'

/** One fact of an export: its stored canonical JSON, parsed only by the formats that need its fields. */
export class ExportItem {
  #fact: ExportableFact | undefined
  constructor(readonly body: string, readonly day: string, readonly hour: number, readonly eventName: string) {}

  get fact(): ExportableFact {
    this.#fact ??= JSON.parse(this.body) as ExportableFact
    return this.#fact
  }
}

const PAGE = 2_000

/**
 * The facts an export covers, oldest first, a page at a time (the database connection is
 * free between pages, so tablets keep syncing during a long export). Stops at the sequence
 * number it started with: facts arriving meanwhile wait for the next export.
 */
export async function* exportableFacts(db: Db, query: Pick<ExportQuery, 'eventId' | 'from' | 'to'>, kind: 'interaction' | 'survey_response'): AsyncGenerator<ExportItem[]> {
  const ceiling = Number((await db.selectFrom('facts').select((eb) => eb.fn.max('seq').as('s')).executeTakeFirst())?.s ?? 0)
  const names = new Map<string, string>()
  for (let after = 0; ;) {
    let q = db.selectFrom('facts as f')
      .select(['f.seq', 'f.body', 'f.local_day', 'f.local_hour', 'f.event_id'])
      .where('f.kind', '=', kind)
      .where('f.seq', '>', after)
      .where('f.seq', '<=', ceiling)
    if (query.eventId) q = q.where('f.event_id', '=', query.eventId)
    if (query.from) q = q.where('f.local_day', '>=', query.from)
    if (query.to) q = q.where('f.local_day', '<=', query.to)
    if (kind === 'interaction') q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('facts as v').select('v.seq').whereRef('v.target_id', '=', 'f.id'))))
    const rows = await q.orderBy('f.seq').limit(PAGE).execute()
    if (rows.length === 0) return
    const missing = [...new Set(rows.map((r) => r.event_id))].filter((id) => !names.has(id))
    if (missing.length) {
      for (const e of await db.selectFrom('events').select(['id', 'body']).where('id', 'in', missing).execute()) names.set(e.id, (JSON.parse(e.body) as { name: string }).name)
    }
    yield rows.map((r) => new ExportItem(r.body, r.local_day, Number(r.local_hour), names.get(r.event_id) ?? ''))
    after = Number(rows.at(-1)?.seq)
  }
}

/** The published revisions asked for, as stored. */
export function findRevisions(db: Db, keys: { surveyId: string; revision: number }[]) {
  if (keys.length === 0) return Promise.resolve([])
  return db.selectFrom('survey_revisions').select(['survey_id', 'revision', 'body'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('survey_id', '=', k.surveyId), eb('revision', '=', k.revision)])))).execute()
}
