import { dayFormat } from './day-format'
import { VISITOR_LOCALES, type AppLocale } from './locales'

/** Named date formats: `$d(date, 'dateTime')`, `d(date, 'day')`. The same names in every language. */
const datetime = {
  long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  /** A server timestamp, e.g. "3 dic 2026, 14:05". */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** A calendar day (day-format.ts). */
  day: dayFormat,
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

const unit = (name: string, digits: number) => ({ style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits }) as const

/** Named number formats: `$n(value, 'megabyte')`. Browsers report storage in 1000-based units. */
const number = {
  byte: unit('byte', 0),
  kilobyte: unit('kilobyte', 1),
  megabyte: unit('megabyte', 1),
  gigabyte: unit('gigabyte', 1),
  terabyte: unit('terabyte', 1),
} as const satisfies Record<string, Intl.NumberFormatOptions>

const everyLocale = <T>(formats: T) => Object.fromEntries(VISITOR_LOCALES.map((locale) => [locale, formats])) as Record<AppLocale, T>
export const datetimeFormats = everyLocale(datetime)
export const numberFormats = everyLocale(number)

/** An ISO day (yyyy-mm-dd) as the Date the `day` format expects. */
export function isoDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

/** Bytes in a short form in the reader's language ("1,5 MB"), through the i18n number formats. */
export function formatBytes(bytes: number, n: (value: number, format: string) => string): string {
  let value = bytes
  let step = 0
  while (value >= 1000 && step < BYTE_UNITS.length - 1) {
    value /= 1000
    step++
  }
  return n(value, BYTE_UNITS[step]!)
}
