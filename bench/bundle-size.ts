// Initial JS of the operator app: every script index.html loads or preloads, gzip-compressed.
// Run: npm run build && npx tsx bench/bundle-size.ts
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const html = readFileSync('dist/index.html', 'utf8')
const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]!)
let total = 0
for (const file of initial) {
  const size = gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length
  total += size
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} KiB gzip`)
}
const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!)
const cssSize = css.reduce((sum, file) => sum + gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length, 0)
console.log(`initial JS of the operator app: ${(total / 1024).toFixed(1)} KiB gzip in ${initial.length} file(s)  [budget ≤ 100 KB]`)
console.log(`initial CSS: ${(cssSize / 1024).toFixed(1)} KiB gzip`)
