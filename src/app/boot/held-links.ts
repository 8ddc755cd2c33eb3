// No imports: the launch script (boot/launch.ts) uses it before the framework loads.

/*
 * Links the built HTML holds inert, in a <template> (vite.config.ts), until the page is ready
 * for what they make the browser do (docs/performance.md, "Offline relaunch"):
 * - `app-preloads`, the app's script's imports: preloading them makes Chromium parse ~300 KB of
 *   JavaScript, which on a relaunch competed with the launch script's database open. The
 *   launch script adds them once its read has answered, or when it starts the app.
 * - `page-links`, the icons and manifest link: Chromium fetches them and decodes the icons on
 *   the page's main thread as soon as the page has loaded. The app adds them once its first
 *   screen is up (main.ts).
 * In development the HTML holds neither template: nothing to do.
 */
export type HeldLinks = 'app-preloads' | 'page-links'

/** Moves the held links into <head>, once. */
export function addHeldLinks(id: HeldLinks, doc: Document = document): void {
  const template = doc.getElementById(id)
  if (!(template instanceof HTMLTemplateElement)) return
  template.remove()
  doc.head.append(template.content)
}
