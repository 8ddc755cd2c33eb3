import { createAccountRequestSchema, type CreateAccountRequest } from '../../shared/admin-protocol'

export type AccountFieldError = 'required' | 'usernamePattern' | 'passwordTooShort' | 'tooLong' | 'taken'
export type AccountFormErrors = Partial<Record<keyof CreateAccountRequest, AccountFieldError>>

/** Checks the new-account form against the server's own schema; one error key per field. */
export function validateAccountForm(form: { username: string; password: string }):
  { ok: true; value: CreateAccountRequest } | { ok: false; errors: AccountFormErrors } {
  const parsed = createAccountRequestSchema.safeParse(form)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: AccountFormErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof CreateAccountRequest
    const value = field === 'username' ? form.username.trim() : form.password
    errors[field] ??= value === '' ? 'required' : issue.code === 'too_big' ? 'tooLong' : field === 'username' ? 'usernamePattern' : 'passwordTooShort'
  }
  return { ok: false, errors }
}
