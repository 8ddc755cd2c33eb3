import type { Ref } from 'vue'
import { localDay } from '../../shared/dates'
import { countEventContacts } from '../db/facts'
import { useLiveQuery } from '../composables/useLiveQuery'

/** Today's and the whole event's contacts on this tablet, updated as facts commit. */
export function useContactCounters(eventId: Ref<string>) {
  return useLiveQuery(() => countEventContacts(eventId.value, localDay(new Date())), [eventId])
}
