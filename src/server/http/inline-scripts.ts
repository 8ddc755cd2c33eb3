import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * CSP sources for the inline scripts of the app's page: the launch script, which the build
 * inlines so that a relaunch runs it without fetching anything (vite.config.ts, launchTags).
 * Each is allowed by its own hash, never by 'unsafe-inline'.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, code]) => `'sha256-${createHash('sha256').update(code ?? '').digest('base64')}'`,
  )
}

/**
 * The hashes of `root`'s index.html as it is now: read again when the file changes (a build
 * while the server runs), so the page served and its CSP always agree. None without a page.
 */
export function pageScriptHashes(root: string | false): () => string[] {
  let cached: { mtimeMs: number; size: number; hashes: string[] } | undefined
  return () => {
    if (root === false) return []
    const file = join(root, 'index.html')
    try {
      const { mtimeMs, size } = statSync(file)
      if (cached?.mtimeMs !== mtimeMs || cached.size !== size) cached = { mtimeMs, size, hashes: inlineScriptHashes(readFileSync(file, 'utf8')) }
      return cached.hashes
    } catch {
      return []
    }
  }
}
