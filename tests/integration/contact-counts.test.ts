import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summarizeContacts } from '../../src/shared/aggregations.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import type { Fact } from '../../src/shared/records.js'
import { AGE_BANDS, AUDIENCES, INTERACTION_TYPES, VISITOR_LANGUAGES } from '../../src/shared/vocabularies.js'
import { milanDayAndHour } from '../../src/server/db/fact-dimensions.js'
import { contactFigures } from '../../src/server/reports/dashboard-service.js'
import { enrolNewDevice, interaction, push, voidOf } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

/** A tap whose every dimension (topic, hour, attributes, group size) follows from `step`, some left out. */
function tap(deviceId: string, step: number): Fact {
  const pick = <T>(values: readonly T[], by: number) => values[Math.floor(step / by) % values.length]
  const at = new Date(Date.UTC(2026, 10, 26, 8 + (step % 3), step)).toISOString()
  const payload = {
    topic: pick(['smoking', 'alcohol'], 1)!, groupSize: 1 + (step % 4), ageBand: pick([...AGE_BANDS, undefined], 2),
    audience: pick([...AUDIENCES, undefined], 3), language: pick([...VISITOR_LANGUAGES, undefined], 5), interactionType: pick([...INTERACTION_TYPES, undefined], 7),
  }
  return interaction(deviceId, { at, payload: JSON.parse(JSON.stringify(payload)) } as Partial<Fact>)
}

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
          if (step < 50 || taps.length + inBatch.length === 0) batch.push(tap(tablet.deviceId, step))
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

  it.skipIf(!available)('count taps of one batch that differ in a single dimension apart, under each dimension', async () => {
    await server.app.db.deleteFrom('contact_totals').execute()
    await server.app.db.deleteFrom('facts').where('event_id', '=', DEMO_EVENT_ID).execute()
    const tablet = await enrolNewDevice(server.url)
    const base = { topic: 'smoking', groupSize: 2, ageBand: '30-49', audience: AUDIENCES[0], language: 'it', interactionType: 'brief_info' }
    const at = '2026-11-26T09:15:00.000Z'
    const variants = [{}, {}, { topic: 'alcohol' }, { ageBand: '70+' }, { audience: AUDIENCES[1] }, { language: 'ar' }, { interactionType: 'quiz' }, { groupSize: 5 }]
    const facts = [
      ...variants.map((v) => interaction(tablet.deviceId, { at, payload: { ...base, ...v } } as Partial<Fact>)),
      interaction(tablet.deviceId, { at: '2026-11-26T10:15:00.000Z', payload: base } as Partial<Fact>),
    ]
    await push(server.url, tablet.token, { facts })
    const kept = await contactFigures(server.app.db, { eventId: DEMO_EVENT_ID })
    const counted = summarizeContacts(facts, milanDayAndHour)
    expect(kept).toEqual({ contacts: counted.contacts, people: counted.people, by: counted.by })
  })
})
