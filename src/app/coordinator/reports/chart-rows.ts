/** One bar of a chart and one row of its data table. `value` is a count or "<5" (suppressed). */
export interface ChartRow {
  key: string
  label: string
  value: number | string
}

/**
 * Counts as chart rows: in the given order (a vocabulary, or hours), then any value the order
 * does not know (a kit's own topic, `unknown`) by count. Hours come as "00"…"23".
 */
export function chartRows(
  counts: Readonly<Record<string, number | string>>,
  label: (key: string) => string,
  order: readonly string[] = [],
): ChartRow[] {
  const known = order.filter((key) => key in counts)
  const rest = Object.keys(counts)
    .filter((key) => !order.includes(key))
    .sort((a, b) => numeric(counts[b]) - numeric(counts[a]) || a.localeCompare(b))
  return [...known, ...rest].map((key) => ({ key, label: label(key), value: counts[key]! }))
}

/** A suppressed cell ("<5") plots as nothing: its table row says "<5". */
export function plotted(value: number | string): number | null {
  return typeof value === 'number' ? value : null
}

function numeric(value: number | string | undefined): number {
  return typeof value === 'number' ? value : 0
}

/** The 24 hours of a day, "00"…"23", for the contacts-per-hour chart. */
export const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'))

/** Hours from the first to the last with any contact (a stand's opening hours, not a whole day). */
export function openHours(counts: Readonly<Record<string, number | string>>): Record<string, number | string> {
  const used = HOURS.filter((h) => h in counts)
  if (used.length === 0) return {}
  const span = HOURS.slice(HOURS.indexOf(used[0]!), HOURS.indexOf(used[used.length - 1]!) + 1)
  return Object.fromEntries(span.map((h) => [h, counts[h] ?? 0]))
}
