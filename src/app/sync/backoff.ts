/**
 * Exponential backoff with full jitter, capped: after the n-th consecutive failure wait a
 * random time in [base·2ⁿ / 2, base·2ⁿ], never more than `capMs`. Jitter keeps 50 tablets
 * that lost the same Wi-Fi from hammering the server in step when it comes back.
 */
export function backoffDelay(failures: number, random: () => number = Math.random, baseMs = 1_000, capMs = 5 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
