import type { Transaction } from 'kysely'
import { PHONE_DEVICE_ID } from '../../shared/phone-device.js'
import type { EventDoc, Fact, SurveyResponseFact } from '../../shared/records.js'
import type { PushResult } from '../../shared/sync-protocol.js'
import type { Database, Db } from '../db/database.table.js'
import type { NewFactRow } from '../db/facts.table.js'
import { factDimensions } from '../db/fact-dimensions.js'
import { inTransaction } from '../db/transaction.js'
import { ensureEventCodes } from '../contents/codes-service.js'
import { touchDevice } from '../devices/devices-repository.js'
import { countOpenEventsPushedBy, existingEventIds, existingKitIds, findEvents, insertEvent, nextDocumentVersion } from '../documents/documents-repository.js'
import { checkEvent, checkFact, type Checked } from './check-records.js'
import { countContacts } from './contact-counts.js'
import { countSurveyResponses } from './survey-counts.js'
import { answerRows, responseProblem, uniqueRevisions } from './survey-responses.js'
import { findSurveyRevisions, insertSurveyAnswers } from '../surveys/surveys-repository.js'
import { findFactBodies, findFactIdentities, insertNewFacts, type FactIdentity } from './facts-repository.js'

export interface PushInput {
  deviceId: string
  facts: unknown[]
  events: unknown[]
  now: Date
  queuedCount?: number
  /** Open events one device may have created offline (a bound on what one token can add). */
  maxOpenEvents: number
}

type Valid<T> = Extract<Checked<T>, { ok: true }>
const invalid = (id: string, reason: string): PushResult => ({ id, status: 'invalid', reason })

/**
 * Applies one push batch in one transaction: events first (a fact may name an event created
 * offline in the same batch), then facts. Results come back in request order, events first.
 */
export async function applyPush(db: Db, input: PushInput): Promise<PushResult[]> {
  // Validation is CPU work: done before the transaction so it never holds the write lock.
  const events = input.events.map((raw, i) => checkEvent(raw, i))
  const facts = input.facts.map((raw, i) => rejectOtherDevice(checkFact(raw, i), input.deviceId))
  const nowIso = input.now.toISOString()
  return inTransaction(db, async (trx) => {
    await touchDevice(trx, input.deviceId, nowIso, input.queuedCount)
    const eventResults = await applyEvents(trx, events, input, nowIso)
    const factResults = await applyFacts(trx, facts, nowIso)
    return [...eventResults, ...factResults]
  })
}

/** A tablet may only push its own facts, and never pass them off as a phone's. */
function rejectOtherDevice(checked: Checked<Fact>, deviceId: string): Checked<Fact> {
  if (!checked.ok) return checked
  const { record } = checked
  if (record.deviceId !== deviceId) return { ok: false, result: invalid(record.id, 'device_mismatch: deviceId is not the device of this token') }
  if (record.kind === 'survey_response' && record.payload.channel === 'phone' && deviceId !== PHONE_DEVICE_ID) {
    return { ok: false, result: invalid(record.id, 'channel: phone responses come from phones only') }
  }
  return checked
}

/** Same id already seen (earlier in the batch or stored): duplicate if same content, else conflict. */
function compare(id: string, canonical: string, stored: string): PushResult {
  return stored === canonical ? { id, status: 'duplicate' } : { id, status: 'conflict', reason: 'id_exists_with_other_content' }
}

async function applyEvents(trx: Transaction<Database>, checked: Checked<EventDoc>[], input: PushInput, nowIso: string) {
  const valid = checked.filter((c): c is Valid<EventDoc> => c.ok)
  const stored = new Map((await findEvents(trx, valid.map((c) => c.record.id))).map((r) => [r.id, r.pushed_body ?? r.body]))
  const kits = await existingKitIds(trx, [...new Set(valid.map((c) => c.record.kitId))])
  let openEvents = valid.some((c) => !stored.has(c.record.id)) ? await countOpenEventsPushedBy(trx, input.deviceId) : 0
  const results: PushResult[] = []
  for (const c of checked) {
    if (!c.ok) {
      results.push(c.result)
      continue
    }
    const { id, kitId, status } = c.record
    const existing = stored.get(id)
    if (existing !== undefined) results.push(compare(id, c.canonical, existing))
    else if (status !== 'open') results.push(invalid(id, 'status: a tablet creates open events only'))
    else if (!kits.has(kitId)) results.push(invalid(id, `unknown_kit: ${kitId}`))
    else if (openEvents >= input.maxOpenEvents) results.push(invalid(id, `too_many_open_events: this tablet already created ${openEvents} open events`))
    else {
      const version = await nextDocumentVersion(trx)
      const row = { id, version, kit_id: kitId, status, body: c.canonical, pushed_body: c.canonical, pushed_by: input.deviceId, updated_at: nowIso }
      if (await insertEvent(trx, row)) {
        await ensureEventCodes(trx, id, new Date(nowIso))
        openEvents++
        results.push({ id, status: 'accepted' })
      } else {
        // Created by a concurrent request a moment ago: compare with what won.
        const [winner] = await findEvents(trx, [id])
        results.push(compare(id, c.canonical, winner?.pushed_body ?? winner?.body ?? ''))
      }
    }
    // Stryker disable next-line OptionalChaining: one result was pushed just above, so results.at(-1) is never undefined.
    if (results.at(-1)?.status === 'accepted' || results.at(-1)?.status === 'duplicate') stored.set(id, c.canonical)
  }
  return results
}

function toRow(fact: Fact, canonical: string, receivedAt: string): NewFactRow {
  return {
    id: fact.id, event_id: fact.eventId, device_id: fact.deviceId, kind: fact.kind,
    topic: fact.kind === 'interaction' ? fact.payload.topic : null,
    target_id: fact.kind === 'void' ? fact.payload.targetId : null,
    survey_id: fact.kind === 'survey_response' ? fact.payload.surveyId : null,
    ...factDimensions(fact, fact.at),
    at: fact.at, received_at: receivedAt, body: canonical,
  }
}

/** A void cancels an interaction of the same device and event — never another tablet's, nor nothing. */
function voidTargetProblem(fact: Fact, target: FactIdentity | undefined): string | undefined {
  if (fact.kind !== 'void') return undefined
  if (!target) return `void_target: ${fact.payload.targetId} is not a known fact`
  if (target.kind !== 'interaction') return 'void_target: only an interaction can be voided'
  if (target.deviceId !== fact.deviceId) return 'void_target: the interaction belongs to another tablet'
  if (target.eventId !== fact.eventId) return 'void_target: the interaction belongs to another event'
  return undefined
}

async function applyFacts(trx: Transaction<Database>, checked: Checked<Fact>[], nowIso: string): Promise<PushResult[]> {
  const valid = checked.filter((c): c is Valid<Fact> => c.ok)
  const knownEvents = await existingEventIds(trx, [...new Set(valid.map((c) => c.record.eventId))])
  const targets = await findFactIdentities(trx, valid.flatMap((c) => (c.record.kind === 'void' ? [c.record.payload.targetId] : [])))
  const revisions = await findSurveyRevisions(trx, uniqueRevisions(valid.map((c) => c.record)))
  const results: PushResult[] = checked.map((c) => (c.ok ? { id: c.record.id, status: 'accepted' } : c.result))
  // Stryker disable next-line ArrayDeclaration: a stray first item has no index; the loop below then writes results[undefined], which the JSON answer leaves out.
  const pending: { index: number; id: string; canonical: string }[] = []
  const firstInBatch = new Map<string, string>()
  const rows: NewFactRow[] = []
  checked.forEach((c, index) => {
    if (!c.ok) return
    const { id, eventId } = c.record
    const problem = knownEvents.has(eventId)
      // Stryker disable next-line StringLiteral: the key only has to find nothing for a fact that is not a void, which voidTargetProblem ignores anyway.
      ? (voidTargetProblem(c.record, targets.get(c.record.kind === 'void' ? c.record.payload.targetId : '')) ?? responseProblem(c.record, revisions))
      : `unknown_event: ${eventId}`
    if (problem) {
      results[index] = invalid(id, problem)
      return
    }
    pending.push({ index, id, canonical: c.canonical })
    if (firstInBatch.has(id)) return
    firstInBatch.set(id, c.canonical)
    rows.push(toRow(c.record, c.canonical, nowIso))
    // A void later in this batch may name this interaction.
    if (c.record.kind === 'interaction' && !targets.has(id)) targets.set(id, { kind: 'interaction', deviceId: c.record.deviceId, eventId })
  })
  const inserted = await insertNewFacts(trx, rows)
  await countContacts(trx, rows.filter((r) => inserted.has(r.id)))
  const responses = valid.filter((c) => inserted.has(c.record.id) && c.record.kind === 'survey_response' && firstInBatch.get(c.record.id) === c.canonical)
  const newResponses = [...new Map(responses.map((c) => [c.record.id, c.record as SurveyResponseFact])).values()]
  await insertSurveyAnswers(trx, newResponses.flatMap(answerRows))
  await countSurveyResponses(trx, newResponses)
  // Stryker disable next-line MethodExpression: reading the bodies of inserted rows too changes no answer: a repeat of an inserted id compares with the same first copy.
  const stored = await findFactBodies(trx, rows.filter((r) => !inserted.has(r.id)).map((r) => r.id))
  const reported = new Set<string>()
  for (const p of pending) {
    // The first occurrence of an inserted id is the accepted one; any repeat compares with what is stored.
    if (inserted.has(p.id) && !reported.has(p.id)) reported.add(p.id)
    // Stryker disable next-line StringLiteral: unreachable fallback, every pending id is in firstInBatch.
    else results[p.index] = compare(p.id, p.canonical, stored.get(p.id) ?? firstInBatch.get(p.id) ?? '')
  }
  return results
}
