import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEvent } from '../../src/shared/demo-event.js'
import { countFacts } from '../../src/server/sync/facts-repository.js'
import type { Db } from '../../src/server/db/database.table.js'
import { enrolNewDevice, interaction, push, pushRaw } from './helpers/api.js'
import { backends, startTestServer, type BackendName, type TestServer } from './helpers/backends.js'

/** Makes the database refuse one fact id, as a full disk would refuse the write (a real failure, inside the real transaction). */
async function failInsertOf(db: Db, backend: BackendName, id: string): Promise<() => Promise<void>> {
  if (backend === 'sqlite') {
    await sql.raw(`create trigger fail_fact before insert on facts when new.id = '${id}' begin select raise(abort, 'disk full'); end`).execute(db)
    return async () => void (await sql.raw('drop trigger fail_fact').execute(db))
  }
  await sql.raw(`create function fail_fact() returns trigger language plpgsql as $$ begin if new.id = '${id}' then raise exception 'disk full'; end if; return new; end $$`).execute(db)
  await sql.raw('create trigger fail_fact before insert on facts for each row execute function fail_fact()').execute(db)
  return async () => void (await sql.raw('drop trigger fail_fact on facts; drop function fail_fact()').execute(db))
}

describe.each(backends)('one push batch on $name', ({ name, available }) => {
  let server: TestServer
  let device: { deviceId: string; token: string }
  const rows = () => countFacts(server.app.db)
  const storedBody = async (id: string) =>
    JSON.parse((await server.app.db.selectFrom('facts').select('body').where('id', '=', id).executeTakeFirstOrThrow()).body)

  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name)
    device = await enrolNewDevice(server.url)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('answers a repeated id inside one batch as a duplicate only when its content is the same', async () => {
    const fact = interaction(device.deviceId, { topic: 'alcohol' })
    const changed = { ...fact, payload: { ...fact.payload, groupSize: 5 } }
    const twin = interaction(device.deviceId)
    const before = await rows()
    expect(Number.isInteger(before)).toBe(true)
    const { results } = await push(server.url, device.token, { facts: [fact, changed, twin, { ...twin }, changed] })
    expect(results).toEqual([
      { id: fact.id, status: 'accepted' },
      { id: fact.id, status: 'conflict', reason: 'id_exists_with_other_content' },
      { id: twin.id, status: 'accepted' },
      { id: twin.id, status: 'duplicate' },
      { id: fact.id, status: 'conflict', reason: 'id_exists_with_other_content' },
    ])
    expect(await rows()).toBe(before + 2)
    expect((await storedBody(fact.id)).payload.groupSize).toBe(1)
  })

  it.skipIf(!available)('answers every id of the batch, in request order, whatever its fate', async () => {
    const stored = interaction(device.deviceId)
    await push(server.url, device.token, { facts: [stored] })
    const fresh = interaction(device.deviceId)
    const bad = { ...interaction(device.deviceId), payload: { topic: 'smoking', groupSize: 0 } }
    const future = { ...interaction(device.deviceId), kind: 'scan_of_the_future' }
    const facts = [future, stored, bad, fresh]
    const { results } = await push(server.url, device.token, { facts })
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [future.id, 'unsupported'], [stored.id, 'duplicate'], [bad.id, 'invalid'], [fresh.id, 'accepted'],
    ])
  })

  it.skipIf(!available)('leaves no event and no fact behind when the batch fails part way, and takes it whole when re-sent', async () => {
    const event = { ...demoEvent(new Date()), id: uuidv7(), name: 'Sagra offline', version: 0 }
    const facts = [interaction(device.deviceId, { eventId: event.id }), interaction(device.deviceId, { eventId: event.id })]
    const restore = await failInsertOf(server.app.db, name, facts[1]!.id)
    const before = await rows()
    let res: Response
    try {
      res = await pushRaw(server.url, device.token, JSON.stringify({ events: [event], facts }))
    } finally {
      await restore()
    }
    expect(res.status).toBe(500)
    expect(await rows()).toBe(before)
    const events = await server.app.db.selectFrom('events').select('id').where('id', '=', event.id).execute()
    expect(events).toEqual([])
    const again = await push(server.url, device.token, { events: [event], facts })
    expect(again.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted'])
    expect(await rows()).toBe(before + 2)
  })
})
