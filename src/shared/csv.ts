/**
 * CSV for Italian Excel: UTF-8 with BOM (or Excel guesses Windows-1252), `;` as separator
 * (`,` is the decimal mark in it-IT), CRLF line ends, and text cells that Excel would run
 * as formulas (= + - @, tab, CR) neutralised with a leading apostrophe (OWASP CSV injection).
 */
export const CSV_BOM = '\uFEFF'
export const CSV_SEPARATOR = ';'
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/

export type CsvValue = string | number | null | undefined

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + '\r\n'
}

/** A whole document: BOM, header line, one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = CSV_BOM + csvLine(header)
  for (const row of rows) out += csvLine(row)
  return out
}
