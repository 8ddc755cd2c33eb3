/** Local time of the agency: days and hours of contacts are counted in Milan whatever the tablet's zone. */
const milan = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })

const HOUR_MS = 3_600_000
const MAX_CACHED_HOURS = 4_096
/**
 * Milan's offsets are whole hours and change on whole UTC hours, so each UTC hour is one Milan
 * day and hour: formatted once (formatToParts costs microseconds, and a push or an export asks
 * for every fact), kept for the hours recently asked.
 */
const byUtcHour = new Map<number, { day: string; hour: number }>()

/** The Milan day and hour of a moment: the server's counts and every export (server or tablet) use it. */
export function milanDayAndHour(iso: string): { day: string; hour: number } {
  const utcHour = Math.floor(Date.parse(iso) / HOUR_MS)
  const cached = byUtcHour.get(utcHour)
  if (cached) return { ...cached }
  const parts = Object.fromEntries(milan.formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  const answer = { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
  if (Number.isFinite(utcHour)) {
    if (byUtcHour.size >= MAX_CACHED_HOURS) byUtcHour.clear()
    byUtcHour.set(utcHour, answer)
  }
  return { ...answer }
}
