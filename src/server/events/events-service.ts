import { v7 as uuidv7 } from 'uuid'
import type { CreateEventRequest, UpdateEventRequest } from '../../shared/admin-protocol.js'
import type { EventDoc } from '../../shared/records.js'
import type { Db } from '../db/database.table.js'
import { inTransaction } from '../db/transaction.js'
import { DomainError, notFound } from '../domain-errors.js'
import { eventFromRow, findEvent, insertEvent, kitExists, listEvents, nextDocumentVersion, updateEvent } from '../documents/documents-repository.js'
import { ensureEventCodes } from '../contents/codes-service.js'
import { canonicalJson } from '../sync/canonical-json.js'

/** Event body as stored: the document without its version (the version lives in its own column). */
function storedBody(event: Omit<EventDoc, 'version'>): string {
  return canonicalJson({ ...event, version: undefined })
}

/** Empty notes are no notes: the field stays absent, as in events from before it existed. */
function withoutEmptyNotes<T extends { notes?: string }>(input: T): T {
  const { notes, ...rest } = input
  return (notes ? { ...rest, notes } : rest) as T
}

async function assertKit(db: Db, kitId: string): Promise<void> {
  if (!(await kitExists(db, kitId))) throw new DomainError('invalid', 'unknown_kit', `No kit ${kitId}`, [{ path: 'kitId', message: 'unknown_kit' }])
}

export const listAllEvents = (db: Db) => listEvents(db)

export async function createEvent(db: Db, input: CreateEventRequest, now: Date): Promise<EventDoc> {
  return inTransaction(db, async (trx) => {
    await assertKit(trx, input.kitId)
    const id = input.id ?? uuidv7()
    const event: Omit<EventDoc, 'version'> = { ...withoutEmptyNotes(input), id, status: 'open', createdAt: now.toISOString() }
    const version = await nextDocumentVersion(trx)
    const inserted = await insertEvent(trx, {
      id, version, kit_id: event.kitId, status: 'open', body: storedBody(event),
      pushed_body: null, pushed_by: null, updated_at: now.toISOString(),
    })
    if (!inserted) throw new DomainError('conflict', 'event_exists', `Event ${id} already exists`)
    await ensureEventCodes(trx, id, now)
    return { ...event, version }
  })
}

type EventChange = (current: EventDoc) => Omit<EventDoc, 'version'> | undefined

/** Applies a change under a new version; a change returning undefined leaves the event as is. */
async function changeEvent(db: Db, id: string, now: Date, change: EventChange): Promise<EventDoc> {
  return inTransaction(db, async (trx) => {
    const row = await findEvent(trx, id)
    if (!row) throw notFound(`event ${id}`)
    const current = eventFromRow(row)
    const next = change(current)
    if (!next) return current
    if (next.kitId !== current.kitId) await assertKit(trx, next.kitId)
    const version = await nextDocumentVersion(trx)
    await updateEvent(trx, id, { body: storedBody(next), version, status: next.status, kit_id: next.kitId, updated_at: now.toISOString() })
    if (next.kitId !== current.kitId) await ensureEventCodes(trx, id, now)
    return { ...next, version }
  })
}

/** `version`, when given, must be the current one, so two coordinators cannot silently overwrite each other. */
export function editEvent(db: Db, id: string, input: UpdateEventRequest, now: Date): Promise<EventDoc> {
  return changeEvent(db, id, now, (current) => {
    if (input.version !== undefined && input.version !== current.version) {
      throw new DomainError('conflict', 'version_conflict', `Event is at version ${current.version}, not ${input.version}`)
    }
    const { version: _expected, ...fields } = input
    return { ...withoutEmptyNotes(fields), id, status: current.status, createdAt: current.createdAt }
  })
}

/** Closing twice is a no-op, so a retried request does not bump the version again. */
export function closeEvent(db: Db, id: string, now: Date): Promise<EventDoc> {
  return changeEvent(db, id, now, (current) => (current.status === 'closed' ? undefined : { ...current, status: 'closed' }))
}
