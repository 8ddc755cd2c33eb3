import { onMounted, onUnmounted, type Ref } from 'vue'
import { getEventTotals } from '../db/sync-state'
import { useLiveQuery } from '../db/useLiveQuery'
import { useOnline } from '../layout/useOnline'
import { useSyncStore } from './sync-store'

/** The event's totals across all its tablets, from the last pull; shown only while online. */
export function useEventTotals(eventId: Ref<string>) {
  const store = useSyncStore()
  const online = useOnline()
  const totals = useLiveQuery(() => getEventTotals(eventId.value), [eventId])
  onMounted(() => void store.focusEvent(eventId.value))
  onUnmounted(() => void store.focusEvent(undefined))
  return { totals, online }
}
