import { describe, expect, it } from 'vitest'
import { validateEventForm } from '../../src/app/events/validate-event'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'

const valid = {
  kitId: DEMO_KIT_ID,
  name: 'Open day scuola Manzoni',
  setting: 'school',
  occasion: 'open_day',
  venue: 'Liceo Manzoni',
  municipality: 'Milano — Municipio 1',
  startDate: '2026-11-26',
  endDate: '2026-11-27',
  targetGroups: ['students', 'parents'],
}

describe('the event form', () => {
  it('accepts a complete event', () => {
    expect(validateEventForm(valid)).toEqual({ ok: true, value: valid })
  })

  it('names each missing field', () => {
    const result = validateEventForm({ ...valid, name: '  ', setting: '', venue: '' })
    expect(result).toEqual({ ok: false, errors: { name: 'required', setting: 'required', venue: 'required' } })
  })

  it('refuses an end date before the start date', () => {
    expect(validateEventForm({ ...valid, endDate: '2026-11-25' })).toEqual({ ok: false, errors: { endDate: 'endBeforeStart' } })
  })

  it('refuses too long text and unknown vocabulary codes', () => {
    const result = validateEventForm({ ...valid, name: 'x'.repeat(121), occasion: 'rave', targetGroups: ['aliens'] })
    expect(result).toEqual({ ok: false, errors: { name: 'tooLong', occasion: 'invalid', targetGroups: 'invalid' } })
  })
})
