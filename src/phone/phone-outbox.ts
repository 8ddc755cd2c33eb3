import type { SurveyResponseFact } from '../shared/records'

/**
 * What the phone keeps, in localStorage (it survives closing the browser): responses the server
 * has not acknowledged yet, and a flag per survey and event once this phone answered it.
 * Nothing of it identifies the person; the flag never leaves the phone.
 */
export interface PendingResponse {
  code: string
  fact: SurveyResponseFact
}

const PENDING = 'corner.phone.pending'
const answeredKey = (eventId: string, surveyId: string) => `corner.phone.answered:${eventId}:${surveyId}`

function read(): PendingResponse[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(PENDING) ?? '[]')
    return Array.isArray(value) ? (value as PendingResponse[]) : []
  } catch {
    return []
  }
}

function write(list: PendingResponse[]): void {
  try {
    localStorage.setItem(PENDING, JSON.stringify(list))
  } catch {
    // Storage refused (private mode, full): the response is still sent from memory this visit.
  }
}

export const pendingResponses = read

/** Keeps a finished response until the server acknowledges it; the same id is never added twice. */
export function queueResponse(entry: PendingResponse): void {
  write([...read().filter((p) => p.fact.id !== entry.fact.id), entry])
}

/** Drops the acknowledged ids (read afresh: another tab may have queued one meanwhile). */
export function settleResponses(ids: readonly string[]): void {
  const done = new Set(ids)
  write(read().filter((p) => !done.has(p.fact.id)))
}

export function hasAnswered(eventId: string, surveyId: string): boolean {
  try {
    return localStorage.getItem(answeredKey(eventId, surveyId)) !== null
  } catch {
    return false
  }
}

export function markAnswered(eventId: string, surveyId: string): void {
  try {
    localStorage.setItem(answeredKey(eventId, surveyId), '1')
  } catch {
    // Best effort, as the brief says: without storage the phone may be asked again.
  }
}
