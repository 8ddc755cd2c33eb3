import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A stand-in for `vite build` output, so server tests do not depend on a front-end build. */
export function writeFakeDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'corner-dist-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><body><div id="app"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>')
  writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log("app")')
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("install", () => {})')
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Corner"}')
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *\nDisallow:\n')
  return root
}

export function makeTempDir(prefix = 'corner-data-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}
