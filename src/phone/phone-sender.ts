import { pendingResponses, settleResponses } from './phone-outbox'
import { sendPhoneResponses } from './phone-api'

const MAX_DELAY_MS = 60_000
let running: Promise<boolean> | undefined
let timer: ReturnType<typeof setTimeout> | undefined
let failures = 0

async function sendAll(): Promise<boolean> {
  const byCode = new Map<string, ReturnType<typeof pendingResponses>>()
  for (const p of pendingResponses()) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p])
  let allSent = true
  for (const [code, list] of byCode) {
    // At most 5 a request (the server's limit); the rest go in the next rounds.
    for (let i = 0; i < list.length; i += 5) {
      const answer = await sendPhoneResponses(code, list.slice(i, i + 5).map((p) => p.fact))
      if (!answer.ok) {
        allSent = false
        break
      }
      settleResponses(answer.settled)
    }
  }
  return allSent && pendingResponses().length === 0
}

/**
 * Sends every queued response until the server has acknowledged each (the same id again is a
 * duplicate there: exactly once). Failures retry with capped exponential backoff and jitter,
 * and at once when the phone comes back online. Resolves true when nothing is left.
 */
export function flushResponses(onChange?: (sent: boolean) => void): Promise<boolean> {
  running ??= sendAll().finally(() => (running = undefined))
  return running.then((sent) => {
    clearTimeout(timer)
    if (sent) failures = 0
    else {
      failures += 1
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** failures) * (0.5 + Math.random() / 2)
      timer = setTimeout(() => void flushResponses(onChange), delay)
    }
    onChange?.(sent)
    return sent
  })
}

/** Tries again the moment the network returns. */
export function sendWhenOnline(onChange: (sent: boolean) => void): void {
  addEventListener('online', () => void flushResponses(onChange))
}
