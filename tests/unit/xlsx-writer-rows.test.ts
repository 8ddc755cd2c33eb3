import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { createXlsxWriter } from '../../src/shared/xlsx-writer'

describe('the streaming XLSX writer', () => {
  it('keeps every row of a sheet far larger than one compressor push, in order', async () => {
    const chunks: Uint8Array[] = []
    const writer = createXlsxWriter(['Contacts', 'About'], (chunk) => chunks.push(chunk))
    writer.beginSheet(['n', 'text'])
    for (let i = 1; i <= 5_000; i++) writer.addRow([i, `row ${i} <&> ${'x'.repeat(i % 40)}`])
    writer.endSheet()
    writer.beginSheet(['about'])
    writer.addRow(['last'])
    writer.finish()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.concat(chunks) as never)
    const sheet = workbook.getWorksheet('Contacts')!
    expect(sheet.rowCount).toBe(5_001)
    for (const i of [1, 1_234, 5_000]) expect(sheet.getRow(i + 1).values).toEqual([undefined, i, `row ${i} <&> ${'x'.repeat(i % 40)}`])
    expect(workbook.getWorksheet('About')!.getRow(2).values).toEqual([undefined, 'last'])
  })
})
