/** Local time of the agency: days and hours of contacts are counted in Milan whatever the tablet's zone. */
const milan = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })

/** The Milan day and hour of a moment: the server's counts and every export (server or tablet) use it. */
export function milanDayAndHour(iso: string): { day: string; hour: number } {
  const parts = Object.fromEntries(milan.formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
}
