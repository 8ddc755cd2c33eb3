import { onScopeDispose, watch, type Ref } from 'vue'
import { useSyncStore } from './sync-store'

/**
 * Makes `eventId` the event sync follows while the calling screen is up: pulls then bring
 * its totals across all tablets. Following the ref keeps it right when the route changes
 * from one event to another without leaving the screen.
 */
export function useFocusedEvent(eventId: Ref<string>): void {
  const store = useSyncStore()
  watch(eventId, (id) => void store.focusEvent(id), { immediate: true })
  onScopeDispose(() => void store.focusEvent(undefined))
}
