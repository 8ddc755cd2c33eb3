import type { Ref } from 'vue'
import { localDay } from '../../shared/dates'
import { countContacts } from '../db/facts'
import { useLiveQuery } from '../db/useLiveQuery'

/** Today's and the whole event's contacts on this tablet, updated as facts commit. */
export function useContactCounters(eventId: Ref<string>) {
  const counts = useLiveQuery(async () => {
    const [today, total] = await Promise.all([
      countContacts(eventId.value, localDay(new Date())),
      countContacts(eventId.value),
    ])
    return { today, total }
  }, [eventId])
  return counts
}
