import { rmSync } from 'node:fs'
import { v7 as uuidv7 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { summarizeContacts } from '../../src/shared/aggregations.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import type { Fact } from '../../src/shared/records.js'
import { milanDayAndHour } from '../../src/server/db/fact-dimensions.js'
import { migrateTo, migrateToLatest } from '../../src/server/db/migrate.js'
import { openDatabase } from '../../src/server/db/open-database.js'
import { surveyAnswerCounts } from '../../src/server/reports/dashboard-repository.js'
import { contactFigures } from '../../src/server/reports/dashboard-service.js'
import { answerRows } from '../../src/server/sync/survey-responses.js'
import { AGE_BANDS, AUDIENCES } from '../../src/shared/vocabularies.js'
import { interaction, voidOf } from './helpers/api.js'
import { backends, dropSchema, PG_URL, runScopedName } from './helpers/backends.js'
import { makeTempDir } from './helpers/fake-dist.js'
import { surveyResponse } from './helpers/surveys.js'

/**
 * A server upgraded with facts already stored: the dashboard's kept totals, rebuilt by the
 * migration from the counts kept before it, equal counting the facts themselves.
 */
describe.each(backends)('upgrading the kept counts on $name', ({ name, available }) => {
  it.skipIf(!available)('keeps every figure of the facts stored before the upgrade', async () => {
    const dataDir = makeTempDir()
    const pgSchema = runScopedName('m')
    const opened = await openDatabase(name === 'postgres' ? { databaseUrl: PG_URL, pgSchema, dataDir } : { dataDir })
    try {
      await migrateTo(opened, '20261126T1700-contents')
      const device = uuidv7()
      const taps = Array.from({ length: 30 }, (_, i) => interaction(device, {
        at: `2026-11-2${i % 3}T${String(8 + (i % 9)).padStart(2, '0')}:15:00.000Z`,
        payload: { topic: ['smoking', 'alcohol', 'nutrition'][i % 3]!, groupSize: 1 + (i % 4), ...(i % 2 ? { ageBand: AGE_BANDS[i % 6] } : {}), ...(i % 3 ? { audience: AUDIENCES[i % AUDIENCES.length] } : {}) },
      } as Partial<Fact>))
      const voids = [voidOf(taps[2]!), voidOf(taps[7]!), voidOf(taps[7]!)]
      const responses = [
        surveyResponse(device, [{ questionId: 'satisfaction', value: 3 }, { questionId: 'recommend', value: 9 }]),
        surveyResponse(device, [{ questionId: 'satisfaction', value: 3 }]),
        surveyResponse(device, [{ questionId: 'satisfaction', value: 1 }], { tooFast: true }),
      ]
      const facts = [...taps, ...voids, ...responses]
      await opened.db.insertInto('facts').values(facts.map((f) => ({
        id: f.id, event_id: f.eventId, device_id: f.deviceId, kind: f.kind, at: f.at, received_at: new Date().toISOString(), body: JSON.stringify(f),
        topic: f.kind === 'interaction' ? f.payload.topic : null, target_id: f.kind === 'void' ? f.payload.targetId : null,
        survey_id: f.kind === 'survey_response' ? f.payload.surveyId : null,
      })) as never).execute()
      const answers = responses.flatMap((r) => answerRows(r as Parameters<typeof answerRows>[0]))
      await opened.db.insertInto('survey_answers').values(answers).execute()

      await migrateToLatest(opened)

      const counted = summarizeContacts(facts, milanDayAndHour)
      expect(await contactFigures(opened.db, { eventId: DEMO_EVENT_ID })).toEqual({ contacts: counted.contacts, people: counted.people, by: counted.by })
      expect(counted.contacts).toBe(28)
      const surveys = await surveyAnswerCounts(opened.db, { eventId: DEMO_EVENT_ID })
      expect(surveys.responses.map((r) => Number(r.n))).toEqual([2])
      expect(Object.fromEntries(surveys.answers.map((a) => [`${a.question_id}=${a.value}`, Number(a.n)]))).toEqual({ 'satisfaction=3': 2, 'recommend=9': 1 })
    } finally {
      await opened.close()
      rmSync(dataDir, { recursive: true, force: true })
      if (name === 'postgres') await dropSchema(pgSchema)
    }
  })
})
