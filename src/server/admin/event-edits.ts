import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { CreateEventRequest, UpdateEventRequest } from '../../shared/admin-protocol.js'
import type { EventDoc } from '../../shared/records.js'
import type { Database } from '../db/database.table.js'
import { HttpError } from '../http/api-error.js'
import { eventFromRow, findEvent, insertEvent, nextDocumentVersion, updateEvent } from '../repos/documents.js'
import { canonicalJson } from '../sync/canonical-json.js'

/** Event body as stored: the document without its version (the version lives in its own column). */
function storedBody(event: Omit<EventDoc, 'version'>): string {
  return canonicalJson({ ...event, version: undefined })
}

export async function createEvent(db: Kysely<Database>, input: CreateEventRequest, now: Date): Promise<EventDoc> {
  return db.transaction().execute(async (trx) => {
    const id = input.id ?? uuidv7()
    if (await findEvent(trx, id)) throw new HttpError(409, 'event_exists', `Event ${id} already exists`)
    const event: Omit<EventDoc, 'version'> = { ...input, id, status: 'open', createdAt: now.toISOString() }
    const version = await nextDocumentVersion(trx)
    await insertEvent(trx, {
      id, version, kit_id: event.kitId, status: 'open', body: storedBody(event),
      pushed_body: null, pushed_by: null, updated_at: now.toISOString(),
    })
    return { ...event, version }
  })
}

type EventChange = (current: EventDoc) => Omit<EventDoc, 'version'> | undefined

/** Applies a change under a new version; a change returning undefined leaves the event as is. */
async function changeEvent(db: Kysely<Database>, id: string, now: Date, change: EventChange): Promise<EventDoc> {
  return db.transaction().execute(async (trx) => {
    const row = await findEvent(trx, id)
    if (!row) throw new HttpError(404, 'not_found', `No event ${id}`)
    const current = eventFromRow(row)
    const next = change(current)
    if (!next) return current
    const version = await nextDocumentVersion(trx)
    await updateEvent(trx, id, { body: storedBody(next), version, status: next.status, kit_id: next.kitId, updated_at: now.toISOString() })
    return { ...next, version }
  })
}

export function editEvent(db: Kysely<Database>, id: string, input: UpdateEventRequest, now: Date): Promise<EventDoc> {
  return changeEvent(db, id, now, (current) => {
    if (input.version !== undefined && input.version !== current.version) {
      throw new HttpError(409, 'version_conflict', `Event is at version ${current.version}, not ${input.version}`)
    }
    const { version: _expected, ...fields } = input
    return { ...fields, id, status: current.status, createdAt: current.createdAt }
  })
}

/** Closing twice is a no-op, so a retried request does not bump the version again. */
export function closeEvent(db: Kysely<Database>, id: string, now: Date): Promise<EventDoc> {
  return changeEvent(db, id, now, (current) => (current.status === 'closed' ? undefined : { ...current, status: 'closed' }))
}
