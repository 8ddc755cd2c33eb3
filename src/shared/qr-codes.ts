/**
 * The short code of a tracked link, derived from its event and content ids: a tablet makes the
 * same code offline (for an event it created itself) as the server, which stores it. 10
 * characters of base32 (50 bits) of SHA-256: short enough to type, far too many to guess.
 */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'
export const QR_CODE_PATTERN = /^[a-kmnp-z2-9]{10}$/

export async function trackedCode(eventId: string, contentId: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`corner-qr:${eventId}:${contentId}`)))
  let code = ''
  for (let i = 0; i < 10; i++) code += ALPHABET[(bytes[i] ?? 0) % 32]
  return code
}

/** The URL a tracked QR code encodes: the landing page on the central endpoint. */
export function trackedUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/q/${code}`
}
