import { KIT_FILE_MAX_BYTES } from '../../../shared/admin-protocol'

/** Error codes explained under `coordinator.kits.errors` (the server's own, and the file checks here). */
export const KIT_ERROR_CODES = [
  'bad_json', 'body_too_large', 'not_a_kit_file', 'newer_format', 'invalid_body', 'kit_exists', 'incomplete_kit_file',
  'bad_link', 'unknown_survey', 'unknown_content', 'version_conflict', 'empty_file', 'name_required', 'topics_required',
] as const

/** The locale key explaining a kit error; codes not listed here fall back to the area's own. */
export function kitErrorKey(code: string): string {
  return (KIT_ERROR_CODES as readonly string[]).includes(code) ? `coordinator.kits.errors.${code}` : ''
}

/**
 * A kit file's text, checked before it is sent: too large, not JSON, not a kit file or a
 * newer format give their own code; the server checks everything else and changes nothing
 * on a refusal.
 */
export function readKitFile(text: string, bytes: number): { ok: true; file: unknown } | { ok: false; code: string } {
  if (bytes === 0) return { ok: false, code: 'empty_file' }
  if (bytes > KIT_FILE_MAX_BYTES) return { ok: false, code: 'body_too_large' }
  let file: unknown
  try {
    file = JSON.parse(text)
  } catch {
    return { ok: false, code: 'bad_json' }
  }
  if (!file || typeof file !== 'object' || (file as { format?: unknown }).format !== 'corner-kit') return { ok: false, code: 'not_a_kit_file' }
  const version = (file as { formatVersion?: unknown }).formatVersion
  if (typeof version === 'number' && version > 1) return { ok: false, code: 'newer_format' }
  return { ok: true, file }
}

/** A file name for a kit: its name in plain letters, and its version. */
export function kitFileName(name: string, version: number): string {
  const slug = name.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 40)
  return `kit-${slug || 'corner'}-v${version}.json`
}
