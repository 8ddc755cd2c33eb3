// What the coordinator's report pages cost on the wire, and the whole precache they are part of.
// Run: npm run build && npx tsx bench/report-pages-size.ts
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const gzip = (file: string) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

const assets = readdirSync('dist/assets')
const groups: Record<string, RegExp> = {
  'Chart.js (report pages only)': /^chart-.*\.js$/,
  'dashboard, report, indicators': /^(DashboardView|EventReportView|IndicatorsView|ReportChart|ReportFigures|dashboard-store|indicators-store|reports|reports-api|chart-loader)-.*\.(js|css)$/,
  'exports screen': /^ExportsView-.*\.js$/,
  'kits screens': /^(KitsView|KitEditView|kits-store|kits-api|KitChecklist|KitError|KitImportForm)-.*\.js$/,
  'tablet export formats (xlsx, fhir)': /^tablet-export-files-.*\.js$/,
}
for (const [name, pattern] of Object.entries(groups)) {
  const files = assets.filter((f) => pattern.test(f))
  console.log(`${name}: ${kib(files.reduce((sum, f) => sum + gzip(`assets/${f}`), 0))} gzip in ${files.length} file(s)`)
}

const sw = readFileSync('dist/sw.js', 'utf8')
const precached = [...sw.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => m[1]!)
const total = precached.reduce((sum, url) => sum + gzip(url), 0)
console.log(`whole precache: ${kib(total)} gzip in ${precached.length} entries  [budget: install ≤ 300 KB on the wire]`)
