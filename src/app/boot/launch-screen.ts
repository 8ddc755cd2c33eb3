// Imports only import-free modules: boot/launch.ts paints with it before the framework loads,
// from a script of its own.
import { launchHandoff } from './launch-handoff'
import { isLaunchScreen, listKey, type LaunchScreen } from './launch-screen-data'

export { listKey, sameLaunchScreen, type LaunchScreen } from './launch-screen-data'

/*
 * The launch screen (docs/performance.md, "Offline relaunch"): the event list as the app last
 * rendered it, served in the page by the service worker (src/sw/launch-page.ts), or else
 * painted by the launch script as soon as the launch read answers, so that a relaunched tablet
 * shows its events (and takes a tap on them) while the framework is still loading. Vue's mount
 * then replaces it with the same markup.
 *
 * Painted only when nothing it shows can be stale: the same build (scripts and styles), the
 * same language, the same events as the database holds now, on the events screen. Parts whose
 * state changes on their own (sync badge, alerts, banners: `data-launch-skip`) are not kept.
 * Links tapped on it are kept and followed once the app is up (main.ts): buttons it may hold
 * wait for the app, as on any screen still loading.
 */
const SKIP = '[data-launch-skip]'

/**
 * The build the markup came from: the app's script and its style sheet, as the HTML names them
 * (hashed file names; vite.config.ts, launchTags). Both come first in <head>: what the app adds
 * later (lazy screens' styles and preloads) goes after them.
 */
export function shellKey(doc: Document = document): string {
  const entry = doc.querySelector<HTMLLinkElement>('link[data-app-entry]')?.href ?? ''
  const styles = doc.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')?.href ?? ''
  return `${entry} ${styles}`
}

/**
 * The screen to keep, from the app's root as rendered: the parts that change on their own left
 * out, and the comments too, which Vue leaves where such a part is hidden (`<!---->`), so that
 * a part shown or hidden keeps the same markup and the stored row is not written again.
 */
export function captureLaunchScreen(root: Element, events: readonly unknown[], doc: Document = document): LaunchScreen {
  const copy = root.cloneNode(true) as Element
  for (const part of copy.querySelectorAll(SKIP)) part.remove()
  const comments = doc.createTreeWalker(copy, NodeFilter.SHOW_COMMENT)
  const found: Node[] = []
  while (comments.nextNode()) found.push(comments.currentNode)
  for (const comment of found) comment.parentNode?.removeChild(comment)
  const html = doc.documentElement
  return { shell: shellKey(doc), listKey: listKey(events), locale: html.lang, dir: html.dir, html: copy.innerHTML }
}

// The launch script and the app each have a copy of this module: what is tapped is handed on.
function catchTaps(root: HTMLElement): void {
  const handoff = launchHandoff()
  const listener = (event: MouseEvent) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
    const href = (event.target as Element | null)?.closest?.('a[href]')?.getAttribute('href')
    // In-page links (the skip link) work as they are.
    if (!href || href.startsWith('#')) return
    event.preventDefault()
    handoff.tap = href
  }
  root.addEventListener('click', listener, true)
  handoff.stopTaps = () => root.removeEventListener('click', listener, true)
}

/**
 * Paints `screen` into the app's root if it is still true: answers whether it did.
 * `locale`: the language the app will start in; `path`: the page's path.
 */
export function paintLaunchScreen(screen: unknown, events: readonly unknown[], locale: string, doc: Document = document, path = location.pathname): boolean {
  const root = doc.getElementById('app')
  if (!root || root.hasChildNodes() || path !== '/' || !isLaunchScreen(screen)) return false
  if (screen.locale !== locale || screen.shell !== shellKey(doc) || screen.listKey !== listKey(events)) return false
  doc.documentElement.lang = screen.locale
  doc.documentElement.dir = screen.dir
  root.innerHTML = screen.html
  catchTaps(root)
  return true
}

/**
 * Takes over the screen the service worker served in the app's root (src/sw/launch-page.ts),
 * if any: answers whether there is one in `locale`, the language the app will start in (the
 * worker cannot read it); one in another language is removed, for the app to render.
 */
export function adoptServedScreen(locale: string, doc: Document = document): boolean {
  const root = doc.getElementById('app')
  if (!root?.hasAttribute('data-launch-screen')) return false
  const { lang, dir } = root
  for (const name of ['data-launch-screen', 'lang', 'dir']) root.removeAttribute(name)
  if (lang !== locale) {
    root.replaceChildren()
    return false
  }
  doc.documentElement.lang = lang
  doc.documentElement.dir = dir
  catchTaps(root)
  return true
}

/**
 * Called just before the app mounts: stops catching taps and answers the link tapped on the
 * launch screen, if any, for the app to follow.
 */
export function takeLaunchTap(): string | undefined {
  const handoff = launchHandoff()
  handoff.stopTaps?.()
  const tap = handoff.tap
  delete handoff.stopTaps
  delete handoff.tap
  return tap
}
