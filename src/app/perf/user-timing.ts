/**
 * User Timing marks on the kiosk's critical path, read by bench/kiosk.ts
 * (`performance.getEntriesByName`). A mark costs microseconds; the buffer is cleared by the
 * reader, and capped here so a kiosk running all day never grows it.
 * https://developer.mozilla.org/docs/Web/API/Performance_API/User_timing
 */
const CAP = 2_000

/** The current high-resolution time, to pass back to `measureSince`. */
export const timingStart = (): number => (typeof performance === 'undefined' ? 0 : performance.now())

/** Records `name` as the span from `start` to now. */
export function measureSince(name: string, start: number): void {
  if (typeof performance === 'undefined' || !performance.measure) return
  try {
    if (performance.getEntriesByType('measure').length >= CAP) performance.clearMeasures()
    performance.measure(name, { start, end: performance.now() })
  } catch {
    // An environment without User Timing level 3 options: no figure, nothing else changes.
  }
}
