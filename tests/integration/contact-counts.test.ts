import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summarizeContacts } from '../../src/shared/aggregations.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import type { Fact } from '../../src/shared/records.js'
import { milanDayAndHour } from '../../src/server/db/fact-dimensions.js'
import { contactFigures } from '../../src/server/reports/dashboard-service.js'
import { enrolNewDevice, interaction, push, voidOf } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

/**
 * The dashboard reads counts every push keeps up to date; whatever order taps, undos, repeated
 * undos and re-sent batches arrive in, they must equal counting the facts themselves.
 */
describe.each(backends)('kept contact counts on $name', ({ name, available }) => {
  let server: TestServer
  beforeAll(async () => {
    if (available) server = await startTestServer(name)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('equal the facts whatever arrives, in any order and any number of times', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 99 }), { minLength: 5, maxLength: 40 }), async (script) => {
        await server.app.db.deleteFrom('contact_totals').execute()
        await server.app.db.deleteFrom('facts').where('event_id', '=', DEMO_EVENT_ID).execute()
        const tablet = await enrolNewDevice(server.url)
        const sent: Fact[] = []
        let batch: Fact[] = []
        for (const step of script) {
          const taps = sent.filter((f) => f.kind === 'interaction')
          const inBatch = batch.filter((f) => f.kind === 'interaction')
          if (step < 50 || taps.length + inBatch.length === 0) batch.push(interaction(tablet.deviceId, { topic: ['smoking', 'alcohol'][step % 2]! }))
          // Undo of a tap already sent, of one in this very batch, and (often) of the same tap again.
          else if (step < 60 && taps.length) batch.push(voidOf(taps[0]!))
          else if (step < 75) batch.push(voidOf([...taps, ...inBatch][step % (taps.length + inBatch.length)]!))
          else if (step < 85 && sent.length) batch.push(sent[step % sent.length]!)
          else {
            await push(server.url, tablet.token, { facts: batch })
            sent.push(...batch)
            batch = []
          }
        }
        await push(server.url, tablet.token, { facts: batch })
        sent.push(...batch)
        const kept = await contactFigures(server.app.db, { eventId: DEMO_EVENT_ID })
        const counted = summarizeContacts([...new Map(sent.map((f) => [f.id, f])).values()], milanDayAndHour)
        expect(kept).toEqual({ contacts: counted.contacts, people: counted.people, by: counted.by })
      }),
      { numRuns: Number(process.env.RANDOMISED_RUNS ?? 10) },
    )
  }, 120_000)
})
