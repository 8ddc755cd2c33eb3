import { setTimeout as sleep } from 'node:timers/promises'
import type { ControlledTransaction, Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/server/db/database.table.js'
import { ContactDeltas, applyContactDeltas } from '../../src/server/sync/contact-counts.js'
import { SurveyDeltas, applySurveyDeltas } from '../../src/server/sync/survey-counts.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

type Apply = (trx: ControlledTransaction<Database>, eventId: string, keys: string[]) => Promise<void>

function contacts(trx: ControlledTransaction<Database>, eventId: string, topics: string[]) {
  const deltas = new ContactDeltas()
  for (const topic of topics) deltas.add({ event_id: eventId, local_day: '2026-11-26', local_hour: 10, topic }, 1, 1)
  return applyContactDeltas(trx, deltas)
}

function surveys(trx: ControlledTransaction<Database>, eventId: string, questions: string[]) {
  const deltas = new SurveyDeltas()
  for (const question_id of questions) deltas.add({ event_id: eventId, survey_id: 's', question_id, value: 'yes', local_day: '2026-11-26' }, 1)
  return applySurveyDeltas(trx, deltas)
}

/**
 * Every tablet at an event adds to the same totals rows, each push in its own transaction. On
 * PostgreSQL, two pushes that took those rows in opposite orders would each wait for the other
 * (a deadlock: one push fails). In key order, the second simply waits for the first.
 */
describe.each(backends.filter((b) => b.name === 'postgres'))('totals kept by two pushes at once on $name', ({ name, available }) => {
  let server: TestServer
  beforeAll(async () => {
    if (available) server = await startTestServer(name)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available).each([['contact totals', contacts], ['survey totals', surveys]] as [string, Apply][])('%s: rows taken in one order, so neither push deadlocks', async (_what, apply) => {
    const db = server.app.db as Kysely<Database>
    const eventId = uuidv7()
    const first = await db.startTransaction().execute()
    const second = await db.startTransaction().execute()
    try {
      await apply(first, eventId, ['a'])
      // Named b first: in that order it would take b's rows, then wait for a's.
      const waiting = apply(second, eventId, ['b', 'a'])
      await sleep(300)
      await apply(first, eventId, ['b'])
      await first.commit().execute()
      await waiting
      await second.commit().execute()
    } catch (error) {
      await Promise.allSettled([first.rollback().execute(), second.rollback().execute()])
      throw error
    }
    const kept = await db.selectFrom('contact_totals').select(['topic', 'contacts']).where('event_id', '=', eventId).where('dimension', '=', 'topic').orderBy('topic').execute()
    const answers = await db.selectFrom('survey_totals').select(['question_id', 'count']).where('event_id', '=', eventId).orderBy('question_id').execute()
    expect(apply === contacts ? kept : answers).toEqual(apply === contacts
      ? [{ topic: 'a', contacts: 2 }, { topic: 'b', contacts: 2 }]
      : [{ question_id: 'a', count: 2 }, { question_id: 'b', count: 2 }])
  })
})
