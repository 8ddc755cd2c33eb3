import type { Ref } from 'vue'
import { getEventTotals } from '../db/sync-state'
import { useLiveQuery } from '../composables/useLiveQuery'
import { useOnline } from '../layout/useOnline'

/**
 * The event's totals across all its tablets, as the last pull brought them; shown only while
 * online. Only reads: the screen showing the event decides what sync follows (useFocusedEvent).
 */
export function useEventTotals(eventId: Ref<string>) {
  const online = useOnline()
  const { data: totals } = useLiveQuery(() => getEventTotals(eventId.value), [eventId])
  return { totals, online }
}
