import { ref } from 'vue'
import { PIN_PATTERN, setKioskPin } from '../db/kiosk-pin'

/** Setting this tablet's kiosk PIN: typed twice, 4–8 digits, stored hashed. */
export function useKioskPinForm(onSaved?: () => void) {
  const pin = ref('')
  const repeat = ref('')
  const error = ref<'format' | 'mismatch' | 'failed'>()
  const saved = ref(false)

  async function save() {
    saved.value = false
    if (!PIN_PATTERN.test(pin.value)) return (error.value = 'format')
    if (pin.value !== repeat.value) return (error.value = 'mismatch')
    try {
      await setKioskPin(pin.value)
    } catch {
      return (error.value = 'failed')
    }
    error.value = undefined
    pin.value = repeat.value = ''
    saved.value = true
    onSaved?.()
  }

  return { pin, repeat, error, saved, save }
}
