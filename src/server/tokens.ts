import { createHash, randomBytes } from 'node:crypto'

/** 32 random bytes, URL-safe: device tokens and session cookies. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are high-entropy, so a plain SHA-256 is enough at rest (no salt or stretching needed). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
