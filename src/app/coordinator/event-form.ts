import type { ApiErrorDetail } from '../api/api-error'
import type { EventDoc } from '../../shared/records'
import type { EventFormErrors } from '../events/validate-event'

import { emptyEventForm, type EventForm } from '../events/event-form'

export { emptyEventForm, type EventForm }

export function formFromEvent(event: EventDoc): EventForm {
  const { kitId, name, setting, occasion, venue, municipality, startDate, endDate, targetGroups } = event
  return { kitId, name, setting, occasion, venue, municipality, startDate, endDate, targetGroups: [...targetGroups] }
}

const FIELDS = new Set<string>([...Object.keys(emptyEventForm('')), 'notes'])

/** A 400's details shown at their fields, for a rule the server holds and the form did not check. */
export function errorsFromDetails(details: readonly ApiErrorDetail[] | undefined): EventFormErrors {
  const errors: EventFormErrors = {}
  for (const detail of details ?? []) {
    const field = detail.path.split('.')[0] ?? ''
    if (FIELDS.has(field)) errors[field as keyof EventFormErrors] = detail.message === 'end_before_start' ? 'endBeforeStart' : 'invalid'
  }
  return errors
}
