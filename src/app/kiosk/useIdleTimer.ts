import { onScopeDispose, ref } from 'vue'
import type { KioskClock } from './kiosk-clock'

/**
 * "Still there?" then reset. While `armed`, no touch for `idleMs` opens the prompt; the
 * prompt counts down `promptMs` (a second at a time, for the text) and then calls `onExpire`.
 * Any touch before that (or `stillHere`) closes the prompt and starts the wait again.
 */
export function useIdleTimer(clock: KioskClock, idleMs: () => number, promptMs: () => number, onExpire: () => void) {
  const prompting = ref(false)
  const secondsLeft = ref(0)
  let cancel: (() => void) | undefined

  function stop() {
    cancel?.()
    cancel = undefined
    prompting.value = false
  }

  function tick() {
    if (secondsLeft.value <= 0) {
      stop()
      onExpire()
      return
    }
    cancel = clock.after(Math.min(1000, secondsLeft.value * 1000), () => {
      secondsLeft.value -= 1
      tick()
    })
  }

  function prompt() {
    prompting.value = true
    secondsLeft.value = Math.ceil(promptMs() / 1000)
    tick()
  }

  /** (Re)starts the wait for the next touch. */
  function restart() {
    stop()
    cancel = clock.after(idleMs(), prompt)
  }

  onScopeDispose(stop)
  return { prompting, secondsLeft, restart, stop, stillHere: restart }
}
