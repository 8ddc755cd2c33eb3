import { v7 as uuidv7 } from 'uuid'
import { localDay } from '../../shared/dates'
import type { SurveyResponseFact, SurveyResponsePayload } from '../../shared/records'
import { FACT_KIND_SCHEMA_VERSION } from '../../shared/schema-version'
import type { Survey } from '../../shared/surveys'
import type { SurveyDraft } from '../surveys/survey-response'
import { measureSince, timingStart } from '../perf/user-timing'
import { db } from './db'
import { cachedDeviceId, getDeviceId } from './meta'
import { onResult, writeStrict } from './strict-write'

export type StoredSurveyResponse = SurveyResponseFact & { day: string }

/** The meta key of the kiosk's answers in progress (one visitor at a time per tablet). */
// Stryker disable next-line StringLiteral: every read, write and delete of the draft uses this one key, whatever it is.
const DRAFT_KEY = 'kioskDraft'

/**
 * Records a visitor's response as a fact. The fact, its outbox entry and the removal of the
 * kiosk draft commit in one strict transaction (`writeStrict`): the promise resolves only then,
 * before live queries re-read, and a failed write leaves neither the fact nor a half-queued record.
 */
export async function recordSurveyResponse(eventId: string, payload: SurveyResponsePayload): Promise<StoredSurveyResponse> {
  let t = timingStart()
  // Cached after the first read: no await (and no extra IndexedDB read) on the commit's path.
  const deviceId = cachedDeviceId() ?? (await getDeviceId())
  measureSince('kiosk:device-id', t)
  const now = new Date()
  const fact: StoredSurveyResponse = {
    id: uuidv7(),
    kind: 'survey_response',
    eventId,
    deviceId,
    at: now.toISOString(),
    schemaVersion: FACT_KIND_SCHEMA_VERSION.survey_response,
    payload,
    day: localDay(now),
  }
  t = timingStart()
  const start = t
  await writeStrict(['facts', 'outbox', 'meta'], (tx) => {
    // Issued together: IndexedDB runs them in order inside the transaction, one commit for all.
    tx.objectStore('facts').add(fact)
    tx.objectStore('outbox').add({ recordId: fact.id, store: 'facts', queuedAt: fact.at })
    onResult(tx.objectStore('meta').delete(DRAFT_KEY), () => measureSince('kiosk:commit-requests', start))
  })
  measureSince('kiosk:commit-transaction', t)
  return fact
}

/** Keeps the answers in progress, so a tablet killed mid-survey can keep or drop them as its kit says. Local only, never synced. */
export async function saveSurveyDraft(draft: SurveyDraft): Promise<void> {
  const t = timingStart()
  await db.meta.put({ key: DRAFT_KEY, value: draft })
  measureSince('kiosk:draft-save', t)
}

/** The answers in progress left by a kiosk that did not finish (browser killed, tab closed). */
export async function readSurveyDraft(): Promise<SurveyDraft | undefined> {
  return (await db.meta.get(DRAFT_KEY))?.value as SurveyDraft | undefined
}

/** Forgets the answers in progress (visitor reset with partial answers dropped). */
export async function discardSurveyDraft(): Promise<void> {
  await db.meta.delete(DRAFT_KEY)
}

/** This tablet's responses to the event's surveys, in write order. */
export async function listSurveyResponses(eventId: string): Promise<StoredSurveyResponse[]> {
  return (await db.facts.where('[eventId+kind]').equals([eventId, 'survey_response']).toArray()) as StoredSurveyResponse[]
}

/** The surveys a kit offers, in its order (those this tablet holds). */
export async function listKitSurveys(surveyIds: readonly string[]): Promise<Survey[]> {
  const found = await db.surveys.bulkGet([...surveyIds])
  return found.filter((s): s is Survey => Boolean(s))
}

export function getSurvey(id: string): Promise<Survey | undefined> {
  return db.surveys.get(id)
}
