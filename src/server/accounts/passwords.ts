import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** What the API asks of a coordinator's password (and of ADMIN_PASSWORD at start). */
export const MIN_PASSWORD_LENGTH = 10

export function newPassword(): string {
  return randomBytes(12).toString('base64url')
}

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 }

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/** Format: scrypt$N$r$p$salt$hash (base64url), so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const { N, r, p, keyLength } = SCRYPT
  const key = await scryptAsync(password, salt, keyLength, { N, r, p })
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p),
  })
  return timingSafeEqual(key, expected)
}
