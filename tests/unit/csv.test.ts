import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvCell, toCsv } from '../../src/shared/csv'

describe('CSV for Italian Excel', () => {
  it('starts with a UTF-8 BOM and separates with semicolons and CRLF', () => {
    const csv = toCsv(['a', 'b'], [['x', 1]])
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    expect(csv).toBe(`${CSV_BOM}a;b\r\nx;1\r\n`)
  })

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+39 02 1234', "'+39 02 1234"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
  ])('neutralises the formula-looking cell %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected)
  })

  it('quotes separators, quotes and newlines, doubling inner quotes', () => {
    expect(csvCell('Sagra; "la" festa\nsera')).toBe('"Sagra; ""la"" festa\nsera"')
  })

  it('leaves numbers alone, even negative ones, and writes empty cells for missing values', () => {
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(null)).toBe('')
  })

  it('round-trips through a CSV parser, accents and all', () => {
    const rows = [['Città', 'a;b', 'say "hi"', 'due\nrighe', "l'età"]]
    const parsed = Papa.parse<string[]>(toCsv(['1', '2', '3', '4', '5'], rows).slice(1), { delimiter: ';', skipEmptyLines: true })
    expect(parsed.data[1]).toEqual(rows[0])
  })
})
