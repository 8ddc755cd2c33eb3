import { SURVEY_FILE_MAX_BYTES } from '../../../shared/survey-protocol'

export type ReadFileResult = { ok: true; value: unknown } | { ok: false; code: 'body_too_large' | 'bad_json' | 'not_a_file' }

/**
 * A chosen file as parsed JSON, or why not: too big (the server's own limit, checked before
 * reading it) or not JSON. Its content is the server's to judge.
 */
export async function readJsonFile(file: Pick<File, 'size' | 'text'>): Promise<ReadFileResult> {
  if (file.size > SURVEY_FILE_MAX_BYTES) return { ok: false, code: 'body_too_large' }
  let text: string
  try {
    text = await file.text()
  } catch {
    return { ok: false, code: 'not_a_file' }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, code: 'bad_json' }
  }
}

/** Offers `data` as a JSON file download (the browser's own save dialog or downloads folder). */
export function downloadJson(data: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A file name from a survey's name: letters, digits and dashes only. */
export function surveyFileName(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)
  return `survey-${slug || 'export'}.json`
}
