import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** With an inline script, as the built page's launch script (vite.config.ts, launchTags). */
export const FAKE_INLINE_SCRIPT = 'window.launched=true'
const FAKE_INDEX_HTML = `<!doctype html><html><head><script>${FAKE_INLINE_SCRIPT}</script></head><body><div id="app"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>`

/** A stand-in for `vite build` output, so server tests do not depend on a front-end build. */
export function writeFakeDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'corner-dist-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), FAKE_INDEX_HTML)
  writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log("app")')
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("install", () => {})')
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Corner"}')
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *\nDisallow:\n')
  return root
}

export function makeTempDir(prefix = 'corner-data-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}
