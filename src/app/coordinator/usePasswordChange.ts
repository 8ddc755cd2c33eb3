import { reactive, ref } from 'vue'
import * as api from '../api/coordinator-api'
import { attempt } from './attempt'
import { validatePasswordForm, type PasswordFormErrors } from './validate-password'

/** The change-password form: its fields, what is wrong with them, and the outcome. */
export function usePasswordChange() {
  const form = reactive({ current: '', next: '', confirm: '' })
  const errors = ref<PasswordFormErrors>({})
  const failure = ref<string | null>(null)
  const done = ref(false)
  const busy = ref(false)

  /** Sends the change; resolves to true when the server took it (the other sessions end). */
  async function submit(): Promise<boolean> {
    done.value = false
    failure.value = null
    const checked = validatePasswordForm(form)
    errors.value = checked.ok ? {} : checked.errors
    if (!checked.ok) return false
    busy.value = true
    const result = await attempt(() => api.changePassword(checked.value))
    busy.value = false
    if (result.ok) {
      Object.assign(form, { current: '', next: '', confirm: '' })
      done.value = true
    } else if (result.error.code === 'invalid_credentials') errors.value = { current: 'wrong' }
    else failure.value = result.error.code
    return result.ok
  }

  return { form, errors, failure, done, busy, submit }
}
