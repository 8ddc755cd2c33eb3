import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/** The URLs injected into the built service worker's precache manifest. */
function precachedUrls(): string[] {
  const sw = readFileSync('dist/sw.js', 'utf8')
  return [...sw.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => m[1]!)
}

describe('the built service worker', () => {
  it('precaches the app shell: index.html, the manifest, every script and stylesheet', () => {
    const urls = precachedUrls()
    expect(urls).toContain('index.html')
    expect(urls).toContain('manifest.webmanifest')
    // Chart.js and the coordinator's online-only areas (surveys, contents, reports, kits,
    // exports) are not part of the install.
    const online = (f: string) => /^chart-.*\.js$/.test(f) || f.startsWith('online-')
    const assets = readdirSync('dist/assets').filter((f) => /\.(js|css)$/.test(f) && !online(f))
    expect(urls.some((url) => online(url.replace(/^assets\//, '')))).toBe(false)
    expect(readdirSync('dist/assets').some((f) => f.startsWith('online-coordinator') && f.endsWith('.js'))).toBe(true)
    for (const asset of assets) expect(urls).toContain(`assets/${asset}`)
  })

  it('precaches the self-hosted Titillium Web fonts', () => {
    const fonts = precachedUrls().filter((url) => url.endsWith('.woff2'))
    expect(fonts.some((url) => url.includes('titillium-web'))).toBe(true)
    expect(fonts.length).toBeGreaterThanOrEqual(3)
  })

  it('references no third-party origin in the shell', () => {
    const html = readFileSync('dist/index.html', 'utf8')
    expect(html).not.toMatch(/https?:\/\//)
  })
})
