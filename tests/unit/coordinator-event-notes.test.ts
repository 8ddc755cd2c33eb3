import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCoordinatorEvents } from '../../src/app/coordinator/events-store'
import { validateEventForm } from '../../src/app/events/validate-event'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { EVENT_NOTES_MAX } from '../../src/shared/records'

const form = {
  kitId: DEMO_KIT_ID, name: 'Sagra', setting: 'community', occasion: 'village_festival', venue: 'Piazza', municipality: 'Lodi',
  startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [],
}
const sent: unknown[] = []

beforeEach(() => {
  setActivePinia(createPinia())
  sent.length = 0
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body))
    sent.push(body)
    return new Response(JSON.stringify({ ...body, id: '01930000-0000-7000-8000-0000000000e9', version: 1, status: 'open', createdAt: '2026-11-26T08:00:00.000Z' }), { status: 201, headers: { 'content-type': 'application/json' } })
  }))
})
afterEach(() => vi.unstubAllGlobals())

describe('the coordinator\'s event notes', () => {
  it('are checked like the other fields: multi-line text accepted, too long or with control characters refused', () => {
    expect(validateEventForm({ ...form, notes: 'Line one\nLine two\twith a tab' })).toMatchObject({ ok: true })
    expect(validateEventForm({ ...form, notes: 'x'.repeat(EVENT_NOTES_MAX + 1) })).toEqual({ ok: false, errors: { notes: 'tooLong' } })
    expect(validateEventForm({ ...form, notes: 'bell\u0007' })).toEqual({ ok: false, errors: { notes: 'invalid' } })
  })

  it('are sent only when written, and a refused note sends nothing', async () => {
    const store = useCoordinatorEvents()
    expect(await store.save({ ...form }, undefined, '  ')).toMatchObject({ ok: true })
    expect(sent[0]).not.toHaveProperty('notes')
    expect(await store.save({ ...form }, undefined, 'Bring more chairs.')).toMatchObject({ ok: true })
    expect(sent[1]).toMatchObject({ notes: 'Bring more chairs.' })
    expect(await store.save({ ...form }, undefined, 'escape\u001b[31m')).toEqual({ ok: false, errors: { notes: 'invalid' } })
    expect(sent).toHaveLength(2)
  })
})
