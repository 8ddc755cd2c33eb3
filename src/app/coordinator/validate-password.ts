import { changePasswordRequestSchema, type ChangePasswordRequest } from '../../shared/admin-protocol'

export interface PasswordForm {
  current: string
  next: string
  confirm: string
}
export type PasswordFieldError = 'required' | 'tooShort' | 'tooLong' | 'mismatch' | 'wrong'
export type PasswordFormErrors = Partial<Record<keyof PasswordForm, PasswordFieldError>>

/** Checks the change-password form against the server's own rules; one error key per field. */
export function validatePasswordForm(form: PasswordForm):
  { ok: true; value: ChangePasswordRequest } | { ok: false; errors: PasswordFormErrors } {
  const errors: PasswordFormErrors = {}
  const parsed = changePasswordRequestSchema.safeParse({ currentPassword: form.current, newPassword: form.next })
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0] === 'currentPassword' ? 'current' : 'next'
    errors[field] ??= form[field] === '' ? 'required' : issue.code === 'too_big' ? 'tooLong' : 'tooShort'
  }
  if (!errors.next) {
    if (form.confirm === '') errors.confirm = 'required'
    else if (form.confirm !== form.next) errors.confirm = 'mismatch'
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, value: parsed.data }
}
