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

  it('runs the vendor chunk as a precached classic script before the app, so a relaunch gets its code cache', () => {
    // Chromium uses the code cache kept with a CacheStorage response for classic scripts only
    // (build/vendor-classic-script.ts, docs/performance.md "Offline relaunch").
    const html = readFileSync('dist/index.html', 'utf8')
    const classic = /<script defer src="\/(assets\/vendor-classic-[\w-]+\.js)"><\/script>/.exec(html)
    expect(classic, html).not.toBeNull()
    expect(precachedUrls()).toContain(classic![1])
    const app = html.lastIndexOf('<script type="module"')
    expect(html.indexOf('<script type="module"')).toBeLessThan(classic!.index) // the launch script keeps its head start
    expect(classic!.index).toBeLessThan(app)
    const vendor = readdirSync('dist/assets').find((f) => /^vendor-[\w-]+\.js$/.test(f) && !f.startsWith('vendor-classic-'))
    expect(readFileSync(`dist/assets/${vendor}`, 'utf8')).toMatch(/^const __v=globalThis\[Symbol\.for\("corner\.vendor"\)\];/)
  })

  it('references no third-party origin in the shell', () => {
    const html = readFileSync('dist/index.html', 'utf8')
    expect(html).not.toMatch(/https?:\/\//)
  })
})
