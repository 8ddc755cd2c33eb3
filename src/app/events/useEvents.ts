import type { Ref } from 'vue'
import { getEvent, listEvents } from '../db/events'
import { getKit, listKits } from '../db/kits'
import { useLiveQuery } from '../composables/useLiveQuery'
import { takeEarlyEventList } from '../db/early-event-list'

/** The events on this tablet, live; on the first screen after a launch, shown from the launch's early read until Dexie answers. */
export function useEventList() {
  return useLiveQuery(listEvents, [], takeEarlyEventList())
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
