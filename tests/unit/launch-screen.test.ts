import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { adoptServedScreen, captureLaunchScreen, listKey, paintLaunchScreen, shellKey, takeLaunchTap, type LaunchScreen } from '../../src/app/boot/launch-screen'
import { db } from '../../src/app/db/db'
import { readLaunch } from '../../src/app/db/early-event-list'
import { createLocalEvent, listEvents } from '../../src/app/db/events'
import { ensureDemoDocuments } from '../../src/app/db/kits'
import { keepLaunchScreen, resetLaunchScreenCache } from '../../src/app/db/launch-screen'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { freshState } from './support'

const events = [{ id: 'e1', name: 'Fiera' }, { id: 'e2', name: 'Sagra' }]

/** The built page's head (vite.config.ts, launchTags) and the app as Vue rendered it. */
function renderApp(): HTMLElement {
  document.head.innerHTML = `
    <link rel="modulepreload" crossorigin href="/assets/index-AAA.js" data-app-entry>
    <link rel="stylesheet" href="/assets/index-BBB.css">`
  document.documentElement.lang = 'ar'
  document.documentElement.dir = 'rtl'
  document.body.innerHTML = `<div id="app" data-v-app>
    <a class="skip-link" href="#main">Skip</a>
    <header><nav><a href="/settings" data-launch-skip class="sync-badge">3 queued</a><a href="/">Events</a></nav></header>
    <p class="offline-banner" data-launch-skip>Offline</p>
    <main id="main"><a class="event-link" href="/events/e1">Fiera</a></main></div>`
  return document.getElementById('app')!
}

/** A relaunch: the same head, an empty root. */
function relaunch(): HTMLElement {
  document.documentElement.lang = 'it'
  document.documentElement.dir = 'ltr'
  const root = document.getElementById('app')!
  root.replaceChildren()
  root.removeAttribute('data-v-app')
  return root
}

describe('the launch screen (boot/launch-screen.ts)', () => {
  let screen: LaunchScreen
  beforeEach(() => {
    screen = captureLaunchScreen(renderApp(), events)
  })
  afterEach(() => {
    takeLaunchTap()
  })

  it('keeps the screen as rendered, without the parts whose state changes on their own', () => {
    expect(screen.locale).toBe('ar')
    expect(screen.dir).toBe('rtl')
    expect(screen.shell).toBe(shellKey())
    expect(screen.shell).toContain('/assets/index-AAA.js')
    expect(screen.shell).toContain('/assets/index-BBB.css')
    expect(screen.html).toContain('class="event-link"')
    expect(screen.html).not.toContain('3 queued')
    expect(screen.html).not.toContain('Offline')
    // The page itself is left as it is.
    expect(document.querySelector('.sync-badge')).not.toBeNull()
  })

  it('paints it on a relaunch of the same build, language and events, with the language\'s direction', () => {
    const root = relaunch()
    expect(paintLaunchScreen(screen, events, 'ar', document, '/')).toBe(true)
    expect(root.querySelector('.event-link')?.textContent).toBe('Fiera')
    expect(document.documentElement.dir).toBe('rtl')
    expect(document.documentElement.lang).toBe('ar')
  })

  it('paints nothing when anything it shows could be stale or is not the events screen', () => {
    const cases: [string, () => boolean][] = [
      ['an event changed', () => paintLaunchScreen(screen, [events[0], { ...events[1], name: 'Sagra!' }], 'ar', document, '/')],
      ['an event added', () => paintLaunchScreen(screen, [...events, { id: 'e3' }], 'ar', document, '/')],
      ['another language', () => paintLaunchScreen(screen, events, 'it', document, '/')],
      ['another screen', () => paintLaunchScreen(screen, events, 'ar', document, '/settings')],
      ['another build', () => paintLaunchScreen({ ...screen, shell: 'old' }, events, 'ar', document, '/')],
      ['nothing stored', () => paintLaunchScreen(undefined, events, 'ar', document, '/')],
      ['something else stored', () => paintLaunchScreen({ html: '<b>x</b>' }, events, 'ar', document, '/')],
    ]
    for (const [why, paint] of cases) {
      const root = relaunch()
      expect(paint(), why).toBe(false)
      expect(root.childNodes.length, why).toBe(0)
      expect(document.documentElement.dir, why).toBe('ltr')
    }
  })

  it('never paints over what the app has already rendered', () => {
    const root = renderApp()
    expect(paintLaunchScreen(screen, events, 'ar', document, '/')).toBe(false)
    expect(root.querySelector('.sync-badge')).not.toBeNull()
  })

  it('keeps a link tapped before the app is up, for the app to follow; in-page links work as they are', () => {
    const root = relaunch()
    paintLaunchScreen(screen, events, 'ar', document, '/')
    // Whether the launch screen took the tap (the page's default action is stopped afterwards either way).
    const taken = (selector: string, init: MouseEventInit = {}) => {
      let prevented = false
      const after = (event: Event) => {
        prevented = event.defaultPrevented
        event.preventDefault()
      }
      document.addEventListener('click', after, { once: true })
      root.querySelector(selector)!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }))
      return prevented
    }
    expect(taken('.skip-link')).toBe(false)
    expect(taken('.event-link', { ctrlKey: true })).toBe(false)
    expect(taken('.event-link')).toBe(true)
    expect(takeLaunchTap()).toBe('/events/e1')
    // Taken once; after it the app's own links handle their taps.
    expect(takeLaunchTap()).toBeUndefined()
    expect(taken('.event-link')).toBe(false)
    expect(takeLaunchTap()).toBeUndefined()
  })

  it("hands the tapped link on to the app's own copy of this module (the launch script's is another bundle)", async () => {
    const root = relaunch()
    paintLaunchScreen(screen, events, 'ar', document, '/')
    vi.resetModules()
    const appCopy = await import('../../src/app/boot/launch-screen')
    root.querySelector('.event-link')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    expect(appCopy.takeLaunchTap()).toBe('/events/e1')
    expect(takeLaunchTap()).toBeUndefined()
    // The app's copy stopped the launch copy's catcher: the app's own links handle taps now.
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    let taken = true
    document.addEventListener('click', (event) => {
      taken = event.defaultPrevented
      event.preventDefault()
    }, { once: true })
    root.querySelector('.event-link')!.dispatchEvent(click)
    expect(taken).toBe(false)
    expect(appCopy.takeLaunchTap()).toBeUndefined()
  })

  it('keeps the same markup whether the parts left out are shown or hidden (Vue leaves a comment where one is hidden)', () => {
    const hidden = renderApp()
    for (const part of hidden.querySelectorAll('[data-launch-skip]')) part.replaceWith(document.createComment(''))
    expect(hidden.innerHTML).toContain('<!---->')
    expect(captureLaunchScreen(hidden, events)).toEqual(screen)
  })

  it('takes over the screen the service worker served, in the language the app starts in; drops one in another', () => {
    const served = (lang: string) => {
      const root = relaunch()
      root.setAttribute('lang', lang)
      root.setAttribute('dir', 'rtl')
      root.setAttribute('data-launch-screen', '')
      root.innerHTML = screen.html
      return root
    }
    let root = served('en')
    expect(adoptServedScreen('it')).toBe(false)
    expect([root.childNodes.length, root.getAttributeNames()]).toEqual([0, ['id']])
    expect(document.documentElement.lang).toBe('it')

    root = served('ar')
    expect(adoptServedScreen('ar')).toBe(true)
    expect(root.getAttributeNames()).toEqual(['id'])
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl'])
    root.querySelector('.event-link')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    expect(takeLaunchTap()).toBe('/events/e1')
    // Nothing served: nothing to take over.
    relaunch()
    expect(adoptServedScreen('it')).toBe(false)
  })

  it('fingerprints a list by its content and order', () => {
    expect(listKey(events)).toBe(listKey(structuredClone(events)))
    expect(listKey(events)).not.toBe(listKey([...events].reverse()))
    expect(listKey([])).not.toBe(listKey([{}]))
  })
})

describe('the launch screen kept in the database (db/launch-screen.ts)', () => {
  beforeEach(freshState)
  afterEach(resetLaunchScreenCache)

  const event = (name: string) => ({
    kitId: DEMO_KIT_ID, name, setting: 'community' as const, occasion: 'fair' as const, venue: 'Fiera',
    municipality: 'Lodi', startDate: '2026-05-01', endDate: '2026-05-01', targetGroups: [],
  })

  it('is what the next launch reads, with a fingerprint that matches the list as the launch reads it', async () => {
    await ensureDemoDocuments()
    await createLocalEvent(event('A'))
    await createLocalEvent(event('B'))
    const rendered = await listEvents()
    const screen = captureLaunchScreen(renderApp(), rendered)
    await keepLaunchScreen(screen)
    const read = await readLaunch(indexedDB)
    expect(read?.launchScreen).toEqual(screen)
    expect(listKey(read!.events)).toBe(screen.listKey)
  })

  it('is written only when it changed', async () => {
    const put = vi.spyOn(db.meta, 'put')
    try {
      const screen = captureLaunchScreen(renderApp(), events)
      await keepLaunchScreen(screen)
      await keepLaunchScreen({ ...screen })
      expect(put).toHaveBeenCalledTimes(1)
      await keepLaunchScreen({ ...screen, listKey: 'other' })
      expect(put).toHaveBeenCalledTimes(2)
      // A new page that finds the same screen stored does not write it again.
      resetLaunchScreenCache()
      await keepLaunchScreen({ ...screen, listKey: 'other' })
      expect(put).toHaveBeenCalledTimes(2)
    } finally {
      put.mockRestore()
    }
  })
})
