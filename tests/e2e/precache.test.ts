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
    // Chart.js is for the coordinator's report pages (online only): not part of the install.
    const assets = readdirSync('dist/assets').filter((f) => /\.(js|css)$/.test(f) && !/^chart-.*\.js$/.test(f))
    expect(urls.some((url) => /^assets\/chart-/.test(url))).toBe(false)
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
