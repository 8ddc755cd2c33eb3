// Run by `npm run build` after `vite build`: writes `<file>.br` (brotli 11) and `<file>.gz`
// (gzip 9) next to every compressible file of dist/, which the server sends with
// Content-Encoding (@fastify/static `preCompressed`). A tablet on a weak connection then
// downloads about a third of the bytes. Fonts (woff2) and images are compressed already.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/
const root = process.argv[2] ?? 'dist'

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (COMPRESSIBLE.test(entry.name)) yield path
  }
}

let count = 0
let before = 0
let after = 0
for (const file of files(root)) {
  const body = readFileSync(file)
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  })
  const gz = gzipSync(body, { level: 9 })
  // A compressed copy that is not smaller (tiny files) would only cost bytes: serve the original.
  if (br.length < body.length) writeFileSync(`${file}.br`, br)
  if (gz.length < body.length) writeFileSync(`${file}.gz`, gz)
  count++
  before += statSync(file).size
  after += Math.min(br.length, body.length)
}
console.log(`precompressed ${count} files in ${root}/: ${(before / 1024).toFixed(1)} KiB → ${(after / 1024).toFixed(1)} KiB brotli`)
