import { computed, onMounted, ref, type Ref } from 'vue'
import type { EventCode } from '../../../shared/content-protocol'
import type { Content } from '../../../shared/contents'
import { useCoordinatorEvents } from '../events-store'
import { loadEventCodes, useContentsStore } from './contents-store'

export interface EventCodeRow {
  content: Content
  /** What the printed code opens: the tracked landing link, or the content's own (direct) link. */
  url: string
  /** The tracked link's counts; undefined for a direct link (nothing is counted). */
  code?: EventCode
}

/**
 * An event, its kit's contents in order and each one's link and counts, fetched when the
 * page opens: the codes page and the print views read the same rows.
 */
export function useEventCodes(eventId: Ref<string>) {
  const events = useCoordinatorEvents()
  const contents = useContentsStore()
  const codes = ref<EventCode[] | null>(null)
  const failure = ref<string | null>(null)
  const event = computed(() => events.events?.find((e) => e.id === eventId.value))
  const rows = computed<EventCodeRow[]>(() => {
    const kit = contents.kits?.find((k) => k.id === event.value?.kitId)
    const byId = new Map((contents.contents ?? []).map((c) => [c.id, c]))
    return (kit?.contentIds ?? []).flatMap((id) => {
      const content = byId.get(id)
      if (!content || content.retiredAt) return []
      const code = codes.value?.find((c) => c.contentId === id)
      if (content.linkMode === 'direct') return [{ content, url: content.url }]
      return code ? [{ content, url: code.url, code }] : []
    })
  })

  async function load(): Promise<void> {
    failure.value = null
    await Promise.all([events.load(), contents.load()])
    const result = await loadEventCodes(eventId.value)
    if (result.ok) codes.value = result.codes
    else failure.value = result.code
  }
  onMounted(load)

  const loaded = computed(() => codes.value !== null && events.events !== null && contents.contents !== null)
  const error = computed(() => failure.value ?? events.loadError ?? contents.loadError)
  return { event, rows, loaded, error, load }
}
