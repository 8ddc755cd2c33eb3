import { randomInt } from 'node:crypto'

// No 0/O, 1/I/L: codes are read aloud and typed on a tablet.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** 8 characters ≈ 39 bits: enough for a single-use, expiring, rate-limited code. */
export function newEnrolmentCode(): string {
  let code = ''
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** Users type codes with spaces, dashes or lower case. */
export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '')
}
