import { describe, expect, it } from 'vitest'
import { milanDayAndHour } from '../../src/shared/milan-time'

const fresh = (iso: string) => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
}

describe('the Milan day and hour of a moment (kept per UTC hour)', () => {
  it('crosses both daylight-saving changes and midnight right, asked twice in each hour', () => {
    const cases: [string, string, number][] = [
      ['2026-03-29T00:59:59.000Z', '2026-03-29', 1],
      ['2026-03-29T01:00:00.000Z', '2026-03-29', 3],
      ['2026-03-29T02:30:00+01:00', '2026-03-29', 3],
      ['2026-10-25T00:30:00.000Z', '2026-10-25', 2],
      ['2026-10-25T01:30:00.000Z', '2026-10-25', 2],
      ['2026-10-25T02:00:00.000Z', '2026-10-25', 3],
      ['2026-06-30T21:59:59.999Z', '2026-06-30', 23],
      ['2026-06-30T22:00:00.000Z', '2026-07-01', 0],
      ['2026-12-31T23:00:00.000Z', '2027-01-01', 0],
    ]
    for (const [iso, day, hour] of cases) {
      expect(milanDayAndHour(iso), iso).toEqual({ day, hour })
      expect(milanDayAndHour(iso), `${iso} again`).toEqual({ day, hour })
    }
  })

  it('answers what a fresh formatter answers for any moment of two years', () => {
    const start = Date.parse('2026-01-01T00:00:00Z')
    for (let i = 0; i < 3_000; i++) {
      const iso = new Date(start + Math.floor(((i * 7_919) % 3_000) / 3_000 * 2 * 365 * 86_400_000) + i * 1_237).toISOString()
      expect(milanDayAndHour(iso), iso).toEqual(fresh(iso))
    }
  })

  it('hands out copies: changing one answer changes no later one', () => {
    const first = milanDayAndHour('2026-05-01T10:15:00Z')
    first.hour = 99
    expect(milanDayAndHour('2026-05-01T10:45:00Z')).toEqual({ day: '2026-05-01', hour: 12 })
  })

  it('refuses a moment that is not a date, as before', () => {
    expect(() => milanDayAndHour('not a date')).toThrow(RangeError)
  })
})
