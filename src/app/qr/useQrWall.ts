import { computed, onScopeDispose, ref, watch, type Ref } from 'vue'
import { listKitContents } from '../db/contents'
import { getEvent } from '../db/events'
import { getKit } from '../db/kits'
import { useLiveQuery } from '../composables/useLiveQuery'

/** The event, its kit and the kit's contents in order, live (a pull may bring new ones). */
export function useWallContents(eventId: Ref<string>) {
  return useLiveQuery(async () => {
    const event = await getEvent(eventId.value)
    const kit = event ? await getKit(event.kitId) : undefined
    const contents = kit ? await listKitContents(kit.contentIds ?? []) : []
    return { event, kit, contents }
  }, [eventId])
}

export const ROTATION_SECONDS = [10, 20, 30, 60] as const

/**
 * Which content is on the wall: moved by hand, or every `seconds` while rotating. The timer
 * lives as long as the screen does; a stand's tablet may show the wall for hours.
 */
export function useRotation(count: Ref<number>) {
  const index = ref(0)
  const rotating = ref(false)
  const seconds = ref<number>(ROTATION_SECONDS[1])
  const current = computed(() => (count.value ? index.value % count.value : 0))
  const step = (by: number) => {
    if (count.value) index.value = (current.value + by + count.value) % count.value
  }
  let timer: ReturnType<typeof setInterval> | undefined
  const stop = () => {
    if (timer) clearInterval(timer)
    timer = undefined
  }
  watch(
    [rotating, seconds],
    ([on, every]) => {
      stop()
      if (on) timer = setInterval(() => step(1), every * 1000)
    },
    { immediate: true },
  )
  onScopeDispose(stop)
  return { current, rotating, seconds, next: () => step(1), previous: () => step(-1) }
}
