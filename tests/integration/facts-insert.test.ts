import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { factDimensions } from '../../src/server/db/fact-dimensions.js'
import type { NewFactRow } from '../../src/server/db/facts.table.js'
import { canonicalJson } from '../../src/server/sync/canonical-json.js'
import { insertNewFacts } from '../../src/server/sync/facts-repository.js'
import { interaction } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

/** A fact row as a push stores it; `groupSize` tells two versions of one id apart. */
function row(id: string = uuidv7(), groupSize = 1): NewFactRow {
  const fact = { ...interaction(uuidv7(), { id }), payload: { topic: 'smoking', groupSize } }
  return {
    id, event_id: fact.eventId, device_id: fact.deviceId, kind: fact.kind, topic: 'smoking', target_id: null, survey_id: null,
    ...factDimensions(fact, fact.at), at: fact.at, received_at: new Date().toISOString(), body: canonicalJson(fact),
  }
}

// On SQLite the insert only counts what it added, and reads the ids back when some were already
// there: these cases take that path with the stored rows before, between and after the new ones.
describe.each(backends)('inserting a batch of fact rows on $name', ({ name, available }) => {
  let server: TestServer
  const ids = (rows: NewFactRow[]) => rows.map((r) => r.id)
  const bodyOf = async (id: string) =>
    (await server.app.db.selectFrom('facts').select('body').where('id', '=', id).executeTakeFirstOrThrow()).body

  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('reports every row of a batch of new ids as inserted', async () => {
    const rows = [row(), row(), row()]
    expect(await insertNewFacts(server.app.db, rows)).toEqual(new Set(ids(rows)))
  })

  it.skipIf(!available)('reports only the new ids when stored ones are mixed in, and never overwrites a stored row', async () => {
    const [a, b] = [row(), row()]
    await insertNewFacts(server.app.db, [a, b])
    const fresh = [row(), row(), row()]
    const batch = [row(a.id, 7), fresh[0]!, fresh[1]!, row(b.id, 9), fresh[2]!]
    expect(await insertNewFacts(server.app.db, batch)).toEqual(new Set(ids(fresh)))
    expect(await bodyOf(a.id)).toBe(a.body)
    expect(await bodyOf(b.id)).toBe(b.body)
  })

  it.skipIf(!available)('reports nothing when every id is stored, and only the first copy of an id repeated in the batch', async () => {
    const stored = [row(), row()]
    await insertNewFacts(server.app.db, stored)
    expect(await insertNewFacts(server.app.db, stored.map((r) => row(r.id, 3)))).toEqual(new Set())
    const twin = row()
    expect(await insertNewFacts(server.app.db, [twin, row(twin.id, 4), stored[0]!])).toEqual(new Set([twin.id]))
    expect(await bodyOf(twin.id)).toBe(twin.body)
  })

  it.skipIf(!available)('tells apart the rows of this statement from those the same transaction inserted just before', async () => {
    const first = row()
    const second = row()
    const inserted = await server.app.db.transaction().execute(async (trx) => {
      await insertNewFacts(trx, [first])
      return insertNewFacts(trx, [row(first.id, 2), second])
    })
    expect(inserted).toEqual(new Set([second.id]))
  })
})
