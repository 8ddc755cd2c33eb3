import { eventInputSchema, type EventInput } from '../../shared/records'

export type EventFieldError = 'required' | 'tooLong' | 'endBeforeStart' | 'invalid'
export type EventFormErrors = Partial<Record<keyof EventInput, EventFieldError>>

/** Checks a filled-in event form; returns the typed input or one error key per field. */
export function validateEventForm(form: unknown): { ok: true; value: EventInput } | { ok: false; errors: EventFormErrors } {
  const parsed = eventInputSchema.safeParse(form, { reportInput: true })
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: EventFormErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof EventInput | undefined
    if (!field || errors[field]) continue
    errors[field] =
      issue.message === 'end_before_start'
        ? 'endBeforeStart'
        : issue.code === 'too_small' && issue.origin === 'string'
          ? 'required'
          : issue.code === 'too_big'
            ? 'tooLong'
            : issue.input === '' || issue.input === undefined
              ? 'required'
              : 'invalid'
  }
  return { ok: false, errors }
}
