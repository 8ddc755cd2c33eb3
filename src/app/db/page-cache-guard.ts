import { launchHandoff } from '../boot/launch-handoff'

/*
 * Chromium may keep a page that was navigated away from in its back/forward cache, frozen.
 * Frozen in the middle of opening the database (a first start creates the schema then), it
 * held every later open of the database, on every page of the app, until the cache let it go:
 * the next screen stayed blank. Chromium keeps no page that has an unload listener (a held Web
 * Lock did not keep it out), so the launch script adds one first thing and the app removes it
 * once its first opens and writes have settled.
 */

/** Keeps the page out of the back/forward cache until released (once per page). */
export function holdPageOutOfCache(): void {
  const handoff = launchHandoff()
  if (handoff.releasePageCache || typeof addEventListener !== 'function') return
  const keepOut = () => undefined
  addEventListener('unload', keepOut)
  handoff.releasePageCache = () => removeEventListener('unload', keepOut)
}

/** Lets the page be cached again once `work` has settled. */
export function releasePageCacheAfter(work: Promise<unknown>[]): void {
  void Promise.allSettled(work).then(() => launchHandoff().releasePageCache?.())
}
