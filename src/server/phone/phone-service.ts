import { PHONE_DEVICE_ID } from '../../shared/content-protocol.js'
import type { SurveyResponseFact } from '../../shared/records.js'
import type { Survey } from '../../shared/surveys.js'
import type { PushResult } from '../../shared/sync-protocol.js'
import type { Db } from '../db/database.table.js'
import { findCode } from '../contents/contents-repository.js'
import { notFound } from '../domain-errors.js'
import { eventFromRow, findEvent, kitFromRow } from '../documents/documents-repository.js'
import { findSurvey } from '../surveys/surveys-repository.js'
import { surveyFromRow } from '../surveys/surveys-service.js'
import { applyPush } from '../sync/push-service.js'

/** The event of a code while it is open, with the surveys its kit offers to phones. */
async function openEventOf(db: Db, code: string) {
  const link = await findCode(db, code)
  const eventRow = link ? await findEvent(db, link.event_id) : undefined
  if (!link || !eventRow) return undefined
  const event = eventFromRow(eventRow)
  if (event.status !== 'open') return undefined
  const kit = await db.selectFrom('kits').select(['body', 'version']).where('id', '=', event.kitId).executeTakeFirst()
  return { eventId: event.id, surveyIds: kit ? (kitFromRow(kit).surveyIds ?? []) : [] }
}

/** The survey a phone shows for a code: the first of the event's kit. */
export async function phoneSurvey(db: Db, code: string): Promise<{ code: string; eventId: string; survey: Survey }> {
  const event = await openEventOf(db, code)
  const row = event?.surveyIds[0] ? await findSurvey(db, event.surveyIds[0]) : undefined
  if (!event || !row?.body) throw notFound('survey for this code')
  return { code, eventId: event.eventId, survey: surveyFromRow(row) }
}

/**
 * Responses from phones enter like a tablet's push (same checks, same idempotency by id) under
 * the one phone device id, and only as `phone` responses to this code's open event and its surveys.
 */
export async function acceptPhoneResponses(db: Db, code: string, responses: SurveyResponseFact[], now: Date): Promise<PushResult[]> {
  const event = await openEventOf(db, code)
  if (!event) throw notFound('open event for this code')
  const refused = (r: SurveyResponseFact): string | undefined => {
    if (r.payload.channel !== 'phone') return 'channel: phone responses only'
    if (r.eventId !== event.eventId) return 'eventId: not the event of this code'
    if (r.deviceId !== PHONE_DEVICE_ID) return 'deviceId: phones use the phone device id'
    if (!event.surveyIds.includes(r.payload.surveyId)) return 'surveyId: not a survey of this event'
    return undefined
  }
  const results = new Map<string, PushResult>()
  const accepted = responses.filter((r) => {
    const reason = refused(r)
    if (reason) results.set(r.id, { id: r.id, status: 'invalid', reason })
    return !reason
  })
  const pushed = await applyPush(db, { deviceId: PHONE_DEVICE_ID, facts: accepted, events: [], now, maxOpenEvents: 0 })
  for (const result of pushed) results.set(result.id, result)
  return responses.map((r) => results.get(r.id) ?? { id: r.id, status: 'invalid', reason: 'not processed' })
}
