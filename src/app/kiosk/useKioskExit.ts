import { ref } from 'vue'
import { clearActiveKiosk } from '../db/active-kiosk'
import { checkKioskPin, pinLockedUntil } from '../db/kiosk-pin'
import type { KioskClock } from './kiosk-clock'

/** The operator's way out: a PIN checked against this tablet's hash, with the persisted lock-out. */
export function useKioskExit(clock: KioskClock) {
  const open = ref(false)
  const wrongTriesLeft = ref<number>()
  const lockedUntil = ref<number>()
  const checking = ref(false)

  async function show() {
    wrongTriesLeft.value = undefined
    lockedUntil.value = await pinLockedUntil(clock.now()).catch(() => undefined)
    open.value = true
  }

  /** True when the PIN is right (and the exit not locked); the tablet then forgets the running kiosk. */
  async function submit(pin: string): Promise<boolean> {
    if (checking.value) return false
    checking.value = true
    try {
      const result = await checkKioskPin(pin, clock.now())
      if (result.ok) {
        // The kiosk stops running before the way out opens (the router sends everything back while it runs).
        await clearActiveKiosk().catch(() => undefined)
        return true
      }
      if (result.reason === 'locked') lockedUntil.value = result.lockedUntil
      else wrongTriesLeft.value = result.triesLeft
      return false
    } finally {
      checking.value = false
    }
  }

  return { open, wrongTriesLeft, lockedUntil, checking, show, submit, close: () => (open.value = false) }
}
