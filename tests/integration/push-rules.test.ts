import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEvent } from '../../src/shared/demo-event.js'
import { enrolNewDevice, interaction, push, voidOf } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('what one tablet may push, on $name', ({ name, available }) => {
  let server: TestServer
  let mine: { deviceId: string; token: string }
  let other: { deviceId: string; token: string }
  beforeAll(async () => {
    if (!available) return
    server = await startTestServer(name, { maxOpenEventsPerDevice: 3 })
    mine = await enrolNewDevice(server.url)
    other = await enrolNewDevice(server.url)
  })
  afterAll(async () => server?.close())

  const contacts = async (eventId: string) => {
    const totals = await fetch(`${server.url}/api/v1/pull?cursor=0&eventId=${eventId}`, {
      headers: { authorization: `Bearer ${mine.token}`, 'x-corner-protocol': '2' },
    })
    return ((await totals.json()) as { totals: { contacts: number } }).totals.contacts
  }

  it.skipIf(!available)('voids only its own interactions of the same event, and nothing that does not exist', async () => {
    const theirs = interaction(other.deviceId)
    await push(server.url, other.token, { facts: [theirs] })
    const own = interaction(mine.deviceId)
    const otherEvent = { ...demoEvent(new Date()), id: uuidv7(), version: 0 }
    const before = await contacts(theirs.eventId)
    const forged = { ...voidOf(theirs), deviceId: mine.deviceId }
    const nothing = { ...voidOf(own), payload: { targetId: uuidv7(), reason: 'undo' as const } }
    const wrongEvent = { ...voidOf(own), eventId: otherEvent.id }
    const ofAVoid = voidOf(voidOf(own))
    const { results } = await push(server.url, mine.token, { events: [otherEvent], facts: [forged, nothing, own, wrongEvent, voidOf(own)] })
    expect(results.map((r) => r.status)).toEqual(['accepted', 'invalid', 'invalid', 'accepted', 'invalid', 'accepted'])
    expect(results[1]?.reason).toMatch(/another tablet/)
    expect(results[2]?.reason).toMatch(/not a known fact/)
    expect(results[4]?.reason).toMatch(/another event/)
    // Their contact still counts; mine was tapped and voided in the same batch.
    expect(await contacts(theirs.eventId)).toBe(before)
    const again = await push(server.url, mine.token, { facts: [{ ...ofAVoid, payload: { ...ofAVoid.payload, targetId: results[5]!.id } }] })
    expect(again.results[0]).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/only an interaction/) })
  })

  it.skipIf(!available)('creates open events of a known kit only, at most the configured number, and re-sends stay duplicates', async () => {
    const event = (extra: object = {}) => ({ ...demoEvent(new Date()), id: uuidv7(), version: 0, ...extra })
    const closed = event({ status: 'closed' })
    const unknownKit = event({ kitId: uuidv7() })
    const ok = [event(), event(), event(), event()]
    // One open event was already created by this tablet in the test above.
    const { results } = await push(server.url, mine.token, { events: [closed, unknownKit, ...ok], facts: [] })
    expect(results.map((r) => r.status)).toEqual(['invalid', 'invalid', 'accepted', 'accepted', 'invalid', 'invalid'])
    expect(results[0]?.reason).toMatch(/^status/)
    expect(results[1]?.reason).toMatch(/^unknown_kit/)
    expect(results[4]?.reason).toMatch(/^too_many_open_events/)
    const resent = await push(server.url, mine.token, { events: ok.slice(0, 2), facts: [] })
    expect(resent.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    // The cap is per tablet.
    expect((await push(server.url, other.token, { events: [event()], facts: [] })).results[0]?.status).toBe('accepted')
  })
})
