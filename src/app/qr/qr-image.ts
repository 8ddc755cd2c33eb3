import type { Content } from '../../shared/contents'
import { trackedCode, trackedUrl } from '../../shared/qr-codes'

/**
 * A QR code as an SVG data: URL for an <img> (the CSP allows img data:; no v-html). Error
 * correction 'Q' (25 %) keeps a printed or projected code readable from a few metres, scuffed
 * or in glare; a quiet zone of 4 modules is what the standard asks and phones rely on.
 * qrcode is imported on demand, so it stays in the chunks that draw codes.
 */
export async function qrSvgDataUrl(text: string): Promise<string> {
  const { toString } = await import('qrcode')
  const svg = await toString(text, { type: 'svg', errorCorrectionLevel: 'Q', margin: 4, color: { dark: '#000000', light: '#ffffff' } })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/**
 * What a content's code opens: tracked, the first-party landing page of this event and
 * content (derived from the two ids, so it works offline); direct, the content's own link.
 */
export async function contentLink(content: Pick<Content, 'id' | 'url' | 'linkMode'>, eventId: string, origin: string): Promise<string> {
  if (content.linkMode === 'direct') return content.url
  return trackedUrl(origin, await trackedCode(eventId, content.id))
}

/** The content's text in `language`, else in its own default language. */
export function localized(texts: Record<string, string>, language: string, fallback: string): string {
  return texts[language] ?? texts[fallback] ?? Object.values(texts)[0] ?? ''
}
