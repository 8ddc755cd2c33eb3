import { isLaunchScreen, listKey, type LaunchScreen } from '../app/boot/launch-screen-data'
import type { LaunchRead } from '../app/db/early-event-list'

/*
 * The events screen served in the page (docs/performance.md, "Offline relaunch"). On a
 * relaunch, the page's own scripts can only open the database once the browser has committed
 * the page in a new renderer process, 100 ms and more after this worker has answered. The
 * worker reads the database meanwhile (db/early-event-list.ts, readLaunch) and, when the screen
 * the app last rendered still holds, streams it inside the page's root: the parser puts the
 * event list on the screen with the page itself. The page's head goes out at once, so that the
 * browser commits the page while the read runs; the launch script takes the screen over
 * (boot/launch-screen.ts, adoptServedScreen) and checks the language, which lives in the page's
 * localStorage.
 */
const ROOT = '<div id="app">'
/** How long the page's body waits for the read before it goes out without the screen. */
export const READ_WAIT_MS = 250

/**
 * The kept screen, if it still holds for `page` (the app's HTML, from the precache): the same
 * build (the app's script and style sheet it was kept under are this page's), the same events as
 * the read, and no kiosk running (the router sends `/` to the kiosk then).
 */
export function servedScreen(read: LaunchRead | undefined, page: string, origin: string): LaunchScreen | undefined {
  const screen = read?.launchScreen
  if (!read || read.activeKiosk !== undefined || !isLaunchScreen(screen) || screen.listKey !== listKey(read.events)) return undefined
  const files = screen.shell.split(' ')
  const sameBuild = files.length === 2 && files.every((file) => file.startsWith(`${origin}/`) && page.includes(`href="${file.slice(origin.length)}"`))
  // Written into an attribute: only what a language tag and a direction can be.
  const safe = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(screen.locale) && (screen.dir === 'ltr' || screen.dir === 'rtl')
  return sameBuild && safe ? screen : undefined
}

/**
 * The page as a stream: up to its root at once, then the root with the kept screen once `read`
 * has answered (without it if the read fails, finds nothing that holds, or takes longer than
 * READ_WAIT_MS), then the rest.
 */
export function withLaunchScreen(page: string, init: ResponseInit, read: Promise<LaunchRead | undefined>, origin: string): Response {
  const at = page.indexOf(ROOT)
  if (at < 0) return new Response(page, init)
  const open = at + ROOT.length - 1
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(page.slice(0, open)))
      const late = new Promise<undefined>((resolve) => {
        const timer = setTimeout(resolve, READ_WAIT_MS)
        const stop = () => clearTimeout(timer)
        read.then(stop, stop)
      })
      const answered = await Promise.race([read, late]).catch(() => undefined)
      const screen = servedScreen(answered, page, origin)
      const root = screen ? ` lang="${screen.locale}" dir="${screen.dir}" data-launch-screen>${screen.html}` : '>'
      controller.enqueue(encoder.encode(root + page.slice(open + 1)))
      controller.close()
    },
  })
  return new Response(body, init)
}

/** The cached page's status and headers, for a body of another length (and never re-encoded). */
export function pageInit(response: Response): ResponseInit {
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  headers.delete('content-encoding')
  return { status: response.status, statusText: response.statusText, headers }
}
