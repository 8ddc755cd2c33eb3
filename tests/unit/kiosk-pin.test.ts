import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../src/app/db/db'
import { checkKioskPin, hasKioskPin, MAX_PIN_FAILURES, PIN_LOCK_MS, setKioskPin } from '../../src/app/db/kiosk-pin'
import { freshState } from './support'

const NOW = Date.parse('2026-11-26T10:00:00Z')

describe('the kiosk exit PIN', () => {
  beforeEach(freshState)

  it('stores only a salted PBKDF2 hash, different for the same PIN on two tablets', async () => {
    expect(await hasKioskPin()).toBe(false)
    await setKioskPin('2468')
    const first = (await db.meta.get('kioskPin'))!.value as { salt: string; hash: string }
    expect(JSON.stringify(first)).not.toContain('2468')
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/)
    await setKioskPin('2468')
    const second = (await db.meta.get('kioskPin'))!.value as { salt: string; hash: string }
    expect(second.salt).not.toBe(first.salt)
    expect(second.hash).not.toBe(first.hash)
    expect(await hasKioskPin()).toBe(true)
  })

  it('refuses a PIN that is not 4 to 8 digits and keeps the old one', async () => {
    await setKioskPin('2468')
    for (const bad of ['123', '123456789', '12a4', ' 2468']) await expect(setKioskPin(bad)).rejects.toThrow('pin_format')
    expect(await checkKioskPin('2468', NOW)).toEqual({ ok: true })
  })

  it('accepts the right PIN and counts down wrong ones', async () => {
    await setKioskPin('2468')
    expect(await checkKioskPin('1111', NOW)).toEqual({ ok: false, reason: 'wrong', triesLeft: MAX_PIN_FAILURES - 1 })
    expect(await checkKioskPin('2468', NOW)).toEqual({ ok: true })
    // A right PIN starts the count again.
    expect(await checkKioskPin('1111', NOW)).toEqual({ ok: false, reason: 'wrong', triesLeft: MAX_PIN_FAILURES - 1 })
  })

  it('lets no PIN through on a tablet that has none, and starts the count again with a new PIN', async () => {
    expect(await checkKioskPin('2468', NOW)).toEqual({ ok: false, reason: 'wrong', triesLeft: MAX_PIN_FAILURES - 1 })
    await setKioskPin('2468')
    expect(await checkKioskPin('1111', NOW)).toEqual({ ok: false, reason: 'wrong', triesLeft: MAX_PIN_FAILURES - 1 })
  })

  it('locks out after repeated failures, even to the right PIN, across a reopened database, until the time is up', async () => {
    await setKioskPin('2468')
    for (let i = 1; i < MAX_PIN_FAILURES; i++) expect((await checkKioskPin('0000', NOW)).ok).toBe(false)
    expect(await checkKioskPin('0000', NOW)).toEqual({ ok: false, reason: 'locked', lockedUntil: NOW + PIN_LOCK_MS })
    expect(PIN_LOCK_MS).toBe(5 * 60_000)
    db.close()
    await db.open()
    expect(await checkKioskPin('2468', NOW + PIN_LOCK_MS - 1)).toEqual({ ok: false, reason: 'locked', lockedUntil: NOW + PIN_LOCK_MS })
    expect(await checkKioskPin('2468', NOW + PIN_LOCK_MS)).toEqual({ ok: true })
  })
})
