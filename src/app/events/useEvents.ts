import type { Ref } from 'vue'
import { getEvent, listEvents } from '../db/events'
import { getKit, listKits } from '../db/kits'
import { useLiveQuery } from '../composables/useLiveQuery'

/** The events on this tablet, live. */
export function useEventList() {
  return useLiveQuery(listEvents)
}

/** The kits on this tablet, live. */
export function useKitList() {
  return useLiveQuery(listKits)
}

/** One event with its kit, live; `found: false` once loaded and missing. */
export function useEventWithKit(eventId: Ref<string>) {
  return useLiveQuery(async () => {
    const event = await getEvent(eventId.value)
    const kit = event ? await getKit(event.kitId) : undefined
    return { found: Boolean(event), event, kit }
  }, [eventId])
}
