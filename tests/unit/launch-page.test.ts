import { describe, expect, it } from 'vitest'
import { listKey, type LaunchScreen } from '../../src/app/boot/launch-screen-data'
import type { LaunchRead } from '../../src/app/db/early-event-list'
import { READ_WAIT_MS, pageInit, servedScreen, withLaunchScreen } from '../../src/sw/launch-page'

const origin = 'http://127.0.0.1:8080'
const page = `<!doctype html><html lang="it" dir="ltr"><head><script>launch()</script>
<link rel="modulepreload" crossorigin href="/assets/index-AAA.js" data-app-entry><link rel="stylesheet" crossorigin href="/assets/index-BBB.css">
</head><body><div id="app"></div></body></html>`
// Only what the fingerprint reads: the screen code never looks inside an event.
const events = [{ id: 'e1', name: 'Fiera' }] as unknown as LaunchRead['events']
const screen: LaunchScreen = {
  shell: `${origin}/assets/index-AAA.js ${origin}/assets/index-BBB.css`,
  listKey: listKey(events),
  locale: 'ar',
  dir: 'rtl',
  html: '<main><a class="event-link" href="/events/e1">Fiera</a></main>',
}
const read = (changes: Partial<LaunchRead> = {}): LaunchRead => ({ events, activeKiosk: undefined, launchScreen: screen, ...changes })

describe('the events screen the service worker serves in the page (src/sw/launch-page.ts)', () => {
  it('serves the kept screen only while it holds: same build, same events, no kiosk', () => {
    expect(servedScreen(read(), page, origin)).toEqual(screen)
    const stale: Record<string, LaunchRead | undefined> = {
      'no read': undefined,
      'a kiosk running': read({ activeKiosk: { eventId: 'e1' } }),
      'the events changed': read({ events: [{ ...events[0]!, name: 'Sagra' }] }),
      'nothing kept': read({ launchScreen: undefined }),
      'another build': read({ launchScreen: { ...screen, shell: `${origin}/assets/index-OLD.js ${origin}/assets/index-BBB.css` } }),
      'another origin': read({ launchScreen: { ...screen, shell: `http://evil.example/assets/index-AAA.js ${origin}/assets/index-BBB.css` } }),
      'a language that is no language tag': read({ launchScreen: { ...screen, locale: 'ar" onload="x' } }),
      'a direction that is none': read({ launchScreen: { ...screen, dir: 'auto' } }),
    }
    for (const [why, launch] of Object.entries(stale)) expect(servedScreen(launch, page, origin), why).toBeUndefined()
  })

  it('sends the page up to its root at once, then the root with the screen once the read has answered', async () => {
    let answer!: (read: LaunchRead) => void
    const response = withLaunchScreen(page, { headers: { 'content-type': 'text/html' } }, new Promise((resolve) => (answer = resolve)), origin)
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    const first = decoder.decode((await reader.read()).value)
    expect(first).toBe(page.slice(0, page.indexOf('<div id="app">') + '<div id="app"'.length))
    answer(read())
    let rest = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value)
    expect(first + rest).toBe(page.replace('<div id="app"></div>', `<div id="app" lang="ar" dir="rtl" data-launch-screen>${screen.html}</div>`))
  })

  it('sends the page as it is when the read fails, finds nothing that holds, or is late', async () => {
    const failed = withLaunchScreen(page, {}, Promise.reject(new Error('blocked')), origin)
    expect(await failed.text()).toBe(page)
    const stale = withLaunchScreen(page, {}, Promise.resolve(read({ events: [] })), origin)
    expect(await stale.text()).toBe(page)
    const started = Date.now()
    const late = withLaunchScreen(page, {}, new Promise(() => {}), origin)
    expect(await late.text()).toBe(page)
    expect(Date.now() - started).toBeGreaterThanOrEqual(READ_WAIT_MS - 5)
  })

  it("keeps the cached page's status and headers (its CSP) but not its length or encoding", () => {
    const cached = new Response('x', { status: 200, headers: { 'content-security-policy': "script-src 'self'", 'content-length': '1', 'content-encoding': 'br' } })
    const headers = new Headers(pageInit(cached).headers)
    expect(headers.get('content-security-policy')).toBe("script-src 'self'")
    expect(headers.has('content-length')).toBe(false)
    expect(headers.has('content-encoding')).toBe(false)
    expect(pageInit(cached).status).toBe(200)
  })
})
