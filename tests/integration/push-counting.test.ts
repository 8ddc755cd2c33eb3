import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEvent } from '../../src/shared/demo-event.js'
import { PUSH_MAX_EVENTS } from '../../src/shared/sync-protocol.js'
import { enrolNewDevice, interaction, push, pushRaw, voidOf } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'
import { surveyResponse } from './helpers/surveys.js'
import { applyContactDeltas, ContactDeltas } from '../../src/server/sync/contact-counts.js'
import { applySurveyDeltas, SurveyDeltas } from '../../src/server/sync/survey-counts.js'

describe.each(backends)('what one push stores and counts, on $name', ({ name, available }) => {
  let server: TestServer
  let device: { deviceId: string; token: string }
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name, { maxOpenEventsPerDevice: 2 })
    device = await enrolNewDevice(server.url)
  })
  afterAll(async () => server?.close())

  const counted = async (eventId: string) => {
    const rows = await server.app.db.selectFrom('contact_totals').selectAll().where('event_id', '=', eventId).execute()
    // Every contact counts once under each dimension: the "day" rows add up to the totals.
    const days = rows.filter((r) => r.dimension === 'day')
    return { contacts: days.reduce((n, r) => n + Number(r.contacts), 0), people: days.reduce((n, r) => n + Number(r.people), 0), rows }
  }
  const newEvent = () => ({ ...demoEvent(new Date()), id: uuidv7(), name: 'Sagra', version: 0 })

  it.skipIf(!available)('counts a tap once however often it is re-sent, and takes it away once however often it is voided', async () => {
    const event = newEvent()
    const tap = interaction(device.deviceId, { eventId: event.id })
    const big = interaction(device.deviceId, { eventId: event.id, payload: { topic: 'alcohol', groupSize: 4 } })
    await push(server.url, device.token, { events: [event], facts: [tap, big] })
    expect(await counted(event.id)).toMatchObject({ contacts: 2, people: 5 })
    const again = await push(server.url, device.token, { facts: [tap, big, tap] })
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    expect(await counted(event.id)).toMatchObject({ contacts: 2, people: 5 })
    const voids = [voidOf(big), voidOf(big)]
    expect((await push(server.url, device.token, { facts: voids })).results.map((r) => r.status)).toEqual(['accepted', 'accepted'])
    await push(server.url, device.token, { facts: [voidOf(big)] })
    expect(await counted(event.id)).toMatchObject({ contacts: 1, people: 1 })
    // Dimensions a tap left out are counted as "unknown" (the dashboard's "not said"), not as something else.
    const { rows } = await counted(event.id)
    const smoking = (dimension: string) => rows.filter((r) => r.topic === 'smoking' && r.dimension === dimension && r.contacts !== 0).map((r) => r.value)
    expect([smoking('ageBand'), smoking('audience'), smoking('language'), smoking('interactionType')]).toEqual([['30-49'], ['unknown'], ['unknown'], ['unknown']])
  })

  it.skipIf(!available)('counts the people of a batch whose new tap and undo cancel out in contacts only', async () => {
    const earlier = interaction(device.deviceId)
    await push(server.url, device.token, { facts: [earlier] })
    const before = await counted(earlier.eventId)
    // Same dimensions and hour: one row of contact_counts gets contacts +1 -1 and people +3 -1.
    const group = interaction(device.deviceId, { at: earlier.at, payload: { topic: 'smoking', groupSize: 3, ageBand: '30-49' } })
    await push(server.url, device.token, { facts: [group, voidOf(earlier)] })
    const after = await counted(earlier.eventId)
    expect({ contacts: after.contacts - before.contacts, people: after.people - before.people }).toEqual({ contacts: 0, people: 2 })
  })

  it.skipIf(!available)('counts the contacts of a batch whose new taps and undo cancel out in people only', async () => {
    const earlier = interaction(device.deviceId, { payload: { topic: 'smoking', groupSize: 3, ageBand: '30-49' } })
    await push(server.url, device.token, { facts: [earlier] })
    const before = await counted(earlier.eventId)
    // One row of contact_totals gets contacts +1 +1 -1 and people +2 +1 -3.
    const two = interaction(device.deviceId, { at: earlier.at, payload: { topic: 'smoking', groupSize: 2, ageBand: '30-49' } })
    const one = interaction(device.deviceId, { at: earlier.at, payload: { topic: 'smoking', groupSize: 1, ageBand: '30-49' } })
    await push(server.url, device.token, { facts: [two, one, voidOf(earlier)] })
    const after = await counted(earlier.eventId)
    expect({ contacts: after.contacts - before.contacts, people: after.people - before.people }).toEqual({ contacts: 1, people: 0 })
  })

  it.skipIf(!available)('adds more count rows than one statement takes once each', async () => {
    const eventId = uuidv7()
    const contacts = new ContactDeltas()
    // 72 taps of different topics make 504 rows, 7 each.
    for (let i = 0; i < 72; i++) contacts.add({ event_id: eventId, local_day: '2026-11-26', local_hour: 10, topic: `t${i}` }, 1, 1)
    expect(contacts.rows.size).toBeGreaterThan(500)
    await applyContactDeltas(server.app.db, contacts)
    const surveys = new SurveyDeltas()
    for (let i = 0; i < 501; i++) surveys.add({ event_id: eventId, survey_id: 's', question_id: 'q', value: `v${i}`, local_day: '2026-11-26' }, 1)
    await applySurveyDeltas(server.app.db, surveys)
    expect((await counted(eventId)).contacts).toBe(72)
    const answers = await server.app.db.selectFrom('survey_totals').select('count').where('event_id', '=', eventId).execute()
    expect({ rows: answers.length, total: answers.reduce((n, r) => n + Number(r.count), 0) }).toEqual({ rows: 501, total: 501 })
  })

  it.skipIf(!available)('refuses a void of a void written earlier in the same batch', async () => {
    const tap = interaction(device.deviceId)
    const undo = voidOf(tap)
    const { results } = await push(server.url, device.token, { facts: [tap, undo, voidOf(undo)] })
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'invalid'])
    expect(results[2]?.reason).toMatch(/^void_target/)
  })

  it.skipIf(!available)('stores a survey response with its survey, and a tap with none', async () => {
    const response = surveyResponse(device.deviceId, [{ questionId: 'satisfaction', value: 3 }, { questionId: 'recommend', value: 9 }])
    const tap = interaction(device.deviceId)
    expect((await push(server.url, device.token, { facts: [response, tap] })).results.map((r) => r.status)).toEqual(['accepted', 'accepted'])
    const rows = await server.app.db.selectFrom('facts').select(['id', 'survey_id', 'topic', 'target_id']).where('id', 'in', [response.id, tap.id]).execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get(response.id)).toMatchObject({ survey_id: (response.payload as { surveyId: string }).surveyId, topic: null, target_id: null })
    expect(byId.get(tap.id)).toMatchObject({ survey_id: null, topic: 'smoking', target_id: null })
    // The same response id again in one batch, with other answers: a conflict, and its answers are not counted.
    const first = surveyResponse(device.deviceId, [{ questionId: 'satisfaction', value: 2 }, { questionId: 'recommend', value: 1 }])
    const other = { ...first, payload: { ...first.payload, answers: [{ questionId: 'satisfaction', value: 3 }, { questionId: 'recommend', value: 9 }] } } as typeof first
    expect((await push(server.url, device.token, { facts: [first, other] })).results.map((r) => r.status)).toEqual(['accepted', 'conflict'])
    const answers = await server.app.db.selectFrom('survey_answers').select(['question_id', 'value']).where('fact_id', '=', first.id).orderBy('question_id').execute()
    expect(answers).toEqual([{ question_id: 'recommend', value: '1' }, { question_id: 'satisfaction', value: '2' }])
  })

  it.skipIf(!available)('answers a malformed event as invalid and still takes the rest of the batch', async () => {
    const good = newEvent()
    const { results } = await push(server.url, device.token, { events: [{ id: 'not-an-event' }, good], facts: [interaction(device.deviceId, { eventId: good.id })] })
    expect(results.map((r) => r.status)).toEqual(['invalid', 'accepted', 'accepted'])
    expect(results[0]?.reason).toMatch(/^events\[0\] /)
  })

  it.skipIf(!available)('keeps the open-event cap when a re-sent event comes with a new one, and answers the re-sent one as a duplicate', async () => {
    // This tablet has two open events from the tests above: the cap.
    const created = await server.app.db.selectFrom('events').select(['id', 'pushed_body']).where('pushed_by', '=', device.deviceId).execute()
    expect(created).toHaveLength(2)
    const resent = JSON.parse(created[0]!.pushed_body!)
    const { results } = await push(server.url, device.token, { events: [{ ...resent, version: 0 }, newEvent()], facts: [] })
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'invalid'])
    expect(results[1]?.reason).toMatch(/^too_many_open_events/)
  })

  it.skipIf(!available)('answers an event repeated in one batch by what came first in it, also at the cap', async () => {
    const other = await enrolNewDevice(server.url)
    await push(server.url, other.token, { events: [newEvent()], facts: [] })
    const event = newEvent()
    const { results } = await push(server.url, other.token, { events: [event, event, { ...event, name: 'Altro nome' }], facts: [] })
    expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate', 'conflict'])
    const third = await enrolNewDevice(server.url)
    const refusedFirst = newEvent()
    const again = await push(server.url, third.token, { events: [{ ...refusedFirst, status: 'closed' }, refusedFirst], facts: [] })
    expect(again.results.map((r) => r.status)).toEqual(['invalid', 'accepted'])
  })

  it.skipIf(!available)('refuses a body that is not an object, and more events than a batch takes, writing nothing', async () => {
    for (const body of ['null', '[]', '"facts"', '42']) {
      const res = await pushRaw(server.url, device.token, body)
      expect(res.status, body).toBe(400)
    }
    const tooMany = Array.from({ length: PUSH_MAX_EVENTS + 1 }, newEvent)
    const res = await pushRaw(server.url, device.token, JSON.stringify({ events: tooMany, facts: [] }))
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ code: 'batch_too_large' })
    const atLimit = await pushRaw(server.url, device.token, JSON.stringify({ events: tooMany.slice(1), facts: [] }))
    expect(atLimit.status).toBe(200)
  })
})
