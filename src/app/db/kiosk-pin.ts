import { db } from './db'

/** 4 to 8 digits: typed by the operator on the kiosk's own keypad. */
export const PIN_PATTERN = /^\d{4,8}$/
/** Wrong PINs in a row before the exit locks. */
export const MAX_PIN_FAILURES = 5
/** How long the exit stays locked after MAX_PIN_FAILURES. */
export const PIN_LOCK_MS = 5 * 60_000
const ITERATIONS = 210_000

interface StoredPin {
  salt: string
  hash: string
  iterations: number
}
interface PinAttempts {
  failures: number
  lockedUntil?: number
}
export type PinCheck = { ok: true } | { ok: false; reason: 'wrong'; triesLeft: number } | { ok: false; reason: 'locked'; lockedUntil: number }

const toHex = (bytes: ArrayBuffer | Uint8Array) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')
const fromHex = (hex: string) => new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)))

/** PBKDF2-SHA-256 over the PIN with a per-tablet random salt (WebCrypto: nothing to bundle). */
export async function hashPin(pin: string, salt: Uint8Array, iterations = ITERATIONS): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256)
  return toHex(bits)
}

/** Whether this tablet has a kiosk exit PIN (the kiosk does not open without one). */
export async function hasKioskPin(): Promise<boolean> {
  return Boolean((await db.meta.get('kioskPin'))?.value)
}

/** Sets (or replaces) this tablet's kiosk exit PIN; only its salted hash is stored. Local only, never synced. */
export async function setKioskPin(pin: string): Promise<void> {
  if (!PIN_PATTERN.test(pin)) throw new RangeError('pin_format')
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const stored: StoredPin = { salt: toHex(salt), hash: await hashPin(pin, salt), iterations: ITERATIONS }
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'kioskPin', value: stored })
    await db.meta.delete('kioskPinAttempts')
  })
}

/** When the exit is locked (ms since epoch), if it is at `now`. */
export async function pinLockedUntil(now: number): Promise<number | undefined> {
  const attempts = (await db.meta.get('kioskPinAttempts'))?.value as PinAttempts | undefined
  return attempts?.lockedUntil && attempts.lockedUntil > now ? attempts.lockedUntil : undefined
}

/**
 * Checks a PIN typed to leave the kiosk. Failures are counted in IndexedDB, so a reload does
 * not reset them; after MAX_PIN_FAILURES the exit is locked for PIN_LOCK_MS (even to the right PIN).
 */
export async function checkKioskPin(pin: string, now: number): Promise<PinCheck> {
  const lockedUntil = await pinLockedUntil(now)
  if (lockedUntil) return { ok: false, reason: 'locked', lockedUntil }
  const stored = (await db.meta.get('kioskPin'))?.value as StoredPin | undefined
  const right = stored !== undefined && PIN_PATTERN.test(pin) && (await hashPin(pin, fromHex(stored.salt), stored.iterations)) === stored.hash
  return db.transaction('rw', db.meta, async () => {
    if (right) {
      await db.meta.delete('kioskPinAttempts')
      return { ok: true } as const
    }
    const before = (await db.meta.get('kioskPinAttempts'))?.value as PinAttempts | undefined
    const failures = (before?.lockedUntil ? 0 : (before?.failures ?? 0)) + 1
    if (failures >= MAX_PIN_FAILURES) {
      const until = now + PIN_LOCK_MS
      await db.meta.put({ key: 'kioskPinAttempts', value: { failures, lockedUntil: until } satisfies PinAttempts })
      return { ok: false, reason: 'locked', lockedUntil: until } as const
    }
    await db.meta.put({ key: 'kioskPinAttempts', value: { failures } satisfies PinAttempts })
    return { ok: false, reason: 'wrong', triesLeft: MAX_PIN_FAILURES - failures } as const
  })
}
