import { shallowRef, watch, type Ref } from 'vue'
import type { Content } from '../../shared/contents'
import { contentLink, qrSvgDataUrl } from './qr-image'

/**
 * The link a content's code opens for this event, and its QR image, made on this device:
 * works offline. The previous image stays up until the next is ready (no flash on rotation).
 */
export function useContentQr(content: Ref<Content | undefined>, eventId: Ref<string>, origin = location.origin) {
  const link = shallowRef<string>()
  const image = shallowRef<string>()
  let run = 0
  watch(
    [content, eventId],
    async ([c, id]) => {
      const mine = ++run
      if (!c) return
      const url = await contentLink(c, id, origin)
      const svg = await qrSvgDataUrl(url)
      if (mine !== run) return
      link.value = url
      image.value = svg
    },
    { immediate: true },
  )
  return { link, image }
}
