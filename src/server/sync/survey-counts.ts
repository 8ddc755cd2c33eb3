import { sql } from 'kysely'
import type { SurveyResponseFact } from '../../shared/records.js'
import type { Db } from '../db/database.table.js'
import type { SurveyTotalsTable } from '../db/surveys.table.js'
import { milanDayAndHour } from '../db/fact-dimensions.js'
import { valuesInKeyOrder } from './key-order.js'
import { answerRows } from './survey-responses.js'

/** The `question_id` (and `value`) of the row counting responses rather than answers. */
export const RESPONSES_ROW = ''

/** Adds up responses and answers into one row per (event, survey, question, value, day). */
export class SurveyDeltas {
  readonly rows = new Map<string, SurveyTotalsTable>()

  add(row: Omit<SurveyTotalsTable, 'count'>, count: number): void {
    const key = [row.event_id, row.survey_id, row.question_id, row.value, row.local_day].join('\u0000')
    const current = this.rows.get(key) ?? { ...row, count: 0 }
    current.count += count
    this.rows.set(key, current)
  }

  /** One response: counted once, each answer value once; flagged too fast, left out entirely. */
  addResponse(fact: SurveyResponseFact): void {
    if (fact.payload.tooFast) return
    const answers = answerRows(fact)
    // Like counting distinct responses among the answer rows: one without answers is not counted.
    if (answers.length === 0) return
    const base = { event_id: fact.eventId, survey_id: fact.payload.surveyId, local_day: milanDayAndHour(fact.at).day }
    this.add({ ...base, question_id: RESPONSES_ROW, value: RESPONSES_ROW }, 1)
    for (const a of answers) this.add({ ...base, question_id: a.question_id, value: a.value }, 1)
  }
}

// 6 columns per row: 500 rows stay far below both dialects' parameter limits.
const ROWS_PER_UPSERT = 500

/** Adds the deltas to `survey_totals`, in the push's own transaction. */
export async function applySurveyDeltas(db: Db, deltas: SurveyDeltas): Promise<void> {
  const rows = valuesInKeyOrder(deltas.rows)
  for (let i = 0; i < rows.length; i += ROWS_PER_UPSERT) {
    await db.insertInto('survey_totals').values(rows.slice(i, i + ROWS_PER_UPSERT))
      .onConflict((oc) => oc.columns(['event_id', 'survey_id', 'question_id', 'value', 'local_day']).doUpdateSet({ count: sql`survey_totals.count + excluded.count` }))
      .execute()
  }
}

/** Keeps `survey_totals` in step with the responses just stored (responses are never voided). */
export async function countSurveyResponses(db: Db, responses: readonly SurveyResponseFact[]): Promise<void> {
  const deltas = new SurveyDeltas()
  for (const r of responses) deltas.addResponse(r)
  await applySurveyDeltas(db, deltas)
}
