import type { SurveyResponseFact } from '../shared/records'
import type { Survey } from '../shared/surveys'

/**
 * The phone survey's two calls. No zod here (the page's JS budget is 50 KB on the wire): the
 * server validates everything a phone sends, and its answers are only checked for the fields
 * this page reads.
 */
export type SurveyAnswer = { ok: true; eventId: string; survey: Survey } | { ok: false; reason: 'not_found' | 'unavailable' }
export type SendAnswer = { ok: true; settled: string[] } | { ok: false }

const JSON_HEADERS = { accept: 'application/json', 'content-type': 'application/json' }
const path = (code: string, what: string) => `/api/v1/codes/${encodeURIComponent(code)}/${what}`

export async function fetchPhoneSurvey(code: string): Promise<SurveyAnswer> {
  try {
    const response = await fetch(path(code, 'survey'), { headers: { accept: 'application/json' }, cache: 'no-store', credentials: 'omit' })
    if (response.status === 404) return { ok: false, reason: 'not_found' }
    const body = (await response.json()) as { eventId?: unknown; survey?: Survey }
    if (!response.ok || typeof body.eventId !== 'string' || !Array.isArray(body.survey?.questions)) return { ok: false, reason: 'unavailable' }
    return { ok: true, eventId: body.eventId, survey: body.survey }
  } catch {
    return { ok: false, reason: 'unavailable' }
  }
}

/**
 * Sends responses; `settled` are the ids the server will never need again: accepted,
 * duplicate (already stored: exactly once), or refused for good (conflict, invalid).
 */
export async function sendPhoneResponses(code: string, responses: SurveyResponseFact[]): Promise<SendAnswer> {
  try {
    const response = await fetch(path(code, 'responses'), {
      method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ responses }), cache: 'no-store', credentials: 'omit',
    })
    // 400/404: this code's event closed or the request can never pass; keep nothing forever for it.
    if (response.status === 400 || response.status === 404) return { ok: true, settled: responses.map((r) => r.id) }
    if (!response.ok) return { ok: false }
    const body = (await response.json()) as { results?: { id: string; status: string }[] }
    return { ok: true, settled: (body.results ?? []).filter((r) => r.status !== 'unsupported').map((r) => r.id) }
  } catch {
    return { ok: false }
  }
}
