import { strToU8, Zip, ZipDeflate } from 'fflate'

/**
 * A streaming XLSX (Office Open XML) writer: rows go out as zip chunks while they are written,
 * so memory stays flat whatever the row count. Inline strings (no shared-strings table, which
 * would grow), one bold style for headers. Used by the server's exports and, offline, by a
 * tablet's own (fflate is small enough to be precached).
 */
export type XlsxCell = string | number | null | undefined
export type ChunkSink = (bytes: Uint8Array, final: boolean) => void

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
// Characters XML 1.0 cannot carry at all: dropped rather than producing an unreadable file.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
export function sheetName(wanted: string, taken: readonly string[] = []): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet'
  let name = base
  for (let n = 2; taken.includes(name); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`
  return name
}

function column(index: number): string {
  let s = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

function cellXml(value: XlsxCell, ref: string, style = ''): string {
  if (value === null || value === undefined || value === '') return ''
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : ''
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`
}

export function createXlsxWriter(sheetNames: readonly string[], sink: ChunkSink) {
  const names = sheetNames.reduce<string[]>((acc, n) => [...acc, sheetName(n, acc)], [])
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error
    sink(chunk, final)
  })
  const staticFile = (path: string, xml: string) => {
    const file = new ZipDeflate(path, { level: 6 })
    zip.add(file)
    file.push(strToU8(XML_HEAD + xml), true)
  }
  staticFile('[Content_Types].xml', `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`)
  staticFile('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
  staticFile('xl/workbook.xml', `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`)
  staticFile('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)
  staticFile('xl/styles.xml', '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>')

  let sheet: { file: ZipDeflate; rows: number } | undefined
  let next = 0
  return {
    /** Starts the next sheet (in the order given) with its header row. */
    beginSheet(headers: readonly string[]): void {
      if (sheet) throw new Error('end the current sheet first')
      if (next >= names.length) throw new Error('no sheet left')
      const file = new ZipDeflate(`xl/worksheets/sheet${++next}.xml`, { level: 6 })
      zip.add(file)
      file.push(strToU8(`${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`), false)
      sheet = { file, rows: 0 }
      this.addRow(headers, ' s="1"')
    },
    addRow(values: readonly XlsxCell[], style = ''): void {
      if (!sheet) throw new Error('begin a sheet first')
      const r = ++sheet.rows
      sheet.file.push(strToU8(`<row r="${r}">${values.map((v, i) => cellXml(v, `${column(i)}${r}`, style)).join('')}</row>`), false)
    },
    endSheet(): void {
      sheet?.file.push(strToU8('</sheetData></worksheet>'), true)
      sheet = undefined
    },
    finish(): void {
      if (sheet) this.endSheet()
      while (next < names.length) {
        this.beginSheet([])
        this.endSheet()
      }
      zip.end()
    },
  }
}
