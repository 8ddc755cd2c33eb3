import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { imageSize } from 'image-size'
import { MEDIA_MAX_BYTES, MEDIA_MAX_PIXELS } from '../../shared/content-protocol.js'
import { DomainError } from '../domain-errors.js'

const EXTENSIONS: Record<string, 'png' | 'jpg' | 'webp'> = { png: 'png', jpg: 'jpg', webp: 'webp' }
export const MEDIA_FILE = /^[0-9a-f]{64}\.(png|jpg|webp)$/
export const MEDIA_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' }

const refuse = (message: string, detail: string) => new DomainError('invalid', 'bad_image', message, [{ path: 'body', message: detail }])

/**
 * Stores an uploaded thumbnail under `<dataDir>/media`, named by the SHA-256 of its bytes:
 * the type is read from the bytes (PNG, JPEG or WebP; SVG and everything else refused), the
 * name the uploader gave is never used, so no path can be smuggled in.
 */
export function storeThumbnail(dataDir: string, bytes: Buffer): { file: string; width: number; height: number; bytes: number } {
  if (bytes.length === 0) throw refuse('The file is empty', 'empty')
  if (bytes.length > MEDIA_MAX_BYTES) throw new DomainError('too_large', 'body_too_large', `At most ${MEDIA_MAX_BYTES} bytes`)
  let info: ReturnType<typeof imageSize>
  try {
    info = imageSize(bytes)
  } catch {
    throw refuse('Not an image this server takes (PNG, JPEG or WebP)', 'not_an_image')
  }
  const ext = info.type ? EXTENSIONS[info.type] : undefined
  if (!ext) throw refuse('Only PNG, JPEG or WebP images (SVG is refused: it can carry scripts)', `type_${info.type ?? 'unknown'}`)
  const { width, height } = info
  if (!width || !height || width > MEDIA_MAX_PIXELS || height > MEDIA_MAX_PIXELS || width < 16 || height < 16) {
    throw refuse(`Between 16 and ${MEDIA_MAX_PIXELS} pixels a side`, 'pixels')
  }
  const file = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`
  const dir = join(dataDir, 'media')
  mkdirSync(dir, { recursive: true })
  const target = join(dir, file)
  if (!existsSync(target)) {
    // Written aside, then renamed: a reader never sees half a file.
    const temporary = `${target}.${process.pid}.tmp`
    writeFileSync(temporary, bytes)
    renameSync(temporary, target)
  }
  return { file, width, height, bytes: bytes.length }
}

export function mediaPath(dataDir: string, file: string): string | undefined {
  if (!MEDIA_FILE.test(file)) return undefined
  const path = join(dataDir, 'media', file)
  return existsSync(path) ? path : undefined
}
