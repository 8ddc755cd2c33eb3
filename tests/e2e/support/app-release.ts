import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'

/**
 * A copy of the built app, served through STATIC_ROOT, into which a test "deploys" a newer
 * version the way a release would: index.html changes and the service worker's precache
 * manifest names its new revision, so the worker script itself is new to the browser.
 */
export class AppRelease {
  readonly root = mkdtempSync(join(tmpdir(), 'corner-release-'))

  constructor(from = 'dist') {
    cpSync(from, this.root, { recursive: true })
  }

  /** Publishes build `build`: its index.html carries `<meta name="corner-build" content=build>`. */
  publish(build: string): void {
    const indexPath = join(this.root, 'index.html')
    const html = readFileSync(indexPath, 'utf8').replace(/<head>/, `<head>\n    <meta name="corner-build" content="${build}" />`)
    writeFileSync(indexPath, html)
    const swPath = join(this.root, 'sw.js')
    const sw = readFileSync(swPath, 'utf8')
    const revision = createHash('md5').update(html).digest('hex')
    const next = sw
      .replace(/("revision":")[0-9a-f]+(","url":"index\.html")/, `$1${revision}$2`)
      .replace(/("url":"index\.html","revision":")[0-9a-f]+(")/, `$1${revision}$2`)
    if (next === sw) throw new Error('sw.js: index.html not found in the precache manifest')
    writeFileSync(swPath, next)
    for (const file of [indexPath, swPath]) refreshCompressedCopies(file)
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}

/** A server that serves precompressed siblings must not keep serving the old bytes. */
function refreshCompressedCopies(file: string): void {
  const body = readFileSync(file)
  if (existsSync(`${file}.br`)) writeFileSync(`${file}.br`, brotliCompressSync(body))
  if (existsSync(`${file}.gz`)) writeFileSync(`${file}.gz`, gzipSync(body))
}
