/**
 * The kiosk's sense of time, in one place: wall time and one-shot timers over the page's own
 * `Date` and `setTimeout`, which Playwright's `page.clock` drives in the end-to-end tests
 * ("45 idle seconds later" without waiting 45 seconds).
 */
export interface KioskClock {
  now(): number
  /** Calls `run` once after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void
}

export const browserClock: KioskClock = {
  now: () => Date.now(),
  after(ms, run) {
    const id = window.setTimeout(run, ms)
    return () => window.clearTimeout(id)
  },
}
