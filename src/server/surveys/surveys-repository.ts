import type { Db } from '../db/database.table.js'
import type { SurveyAnswersTable, SurveyRow } from '../db/surveys.table.js'
import { RESPONSES_ROW } from '../sync/survey-counts.js'

export function findSurvey(db: Db, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listSurveyRows(db: Db): Promise<SurveyRow[]> {
  return db.selectFrom('surveys').selectAll().orderBy('updated_at', 'desc').execute()
}

export async function insertSurvey(db: Db, row: SurveyRow): Promise<void> {
  await db.insertInto('surveys').values(row).onConflict((oc) => oc.column('id').doNothing()).execute()
}

/** Changes the survey only if its draft is still at `draftVersion`; false when another change got there first. */
export async function updateSurveyIfDraft(db: Db, id: string, draftVersion: number, change: Partial<Omit<SurveyRow, 'id'>>): Promise<boolean> {
  const result = await db.updateTable('surveys').set(change).where('id', '=', id).where('draft_version', '=', draftVersion).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertSurveyRevision(db: Db, row: { survey_id: string; revision: number; body: string; published_at: string }): Promise<void> {
  await db.insertInto('survey_revisions').values(row).execute()
}

/** Bodies of published revisions, keyed `surveyId:revision`. */
export async function findSurveyRevisions(db: Db, keys: { surveyId: string; revision: number }[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map()
  const rows = await db
    .selectFrom('survey_revisions')
    .select(['survey_id', 'revision', 'body'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('survey_id', '=', k.surveyId), eb('revision', '=', k.revision)]))))
    .execute()
  return new Map(rows.map((r) => [`${r.survey_id}:${r.revision}`, r.body]))
}

export async function existingPublishedSurveyIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('surveys').select('id').where('id', 'in', ids).where('revision', '>', 0).execute()
  return new Set(rows.map((r) => r.id))
}

// 7 columns per row: 1,000 rows stay far below both dialects' parameter limits.
const ANSWER_ROWS_PER_INSERT = 1_000

export async function insertSurveyAnswers(db: Db, rows: SurveyAnswersTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ANSWER_ROWS_PER_INSERT) {
    await db.insertInto('survey_answers').values(rows.slice(i, i + ANSWER_ROWS_PER_INSERT)).execute()
  }
}

/**
 * Per survey of an event: responses (complete or partial) not flagged too fast, and how many
 * chose each answer. One grouped query over the totals every push keeps (sync/survey-counts.ts).
 */
export async function surveyTotals(db: Db, eventId: string) {
  const rows = await db
    .selectFrom('survey_totals')
    .select(['survey_id', 'question_id', 'value', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('event_id', '=', eventId)
    .groupBy(['survey_id', 'question_id', 'value'])
    .execute()
  return rows.filter((r) => r.question_id === RESPONSES_ROW).map((r) => ({
    surveyId: r.survey_id,
    responses: Number(r.n),
    answers: rows.filter((a) => a.survey_id === r.survey_id && a.question_id !== RESPONSES_ROW).map((a) => ({ questionId: a.question_id, value: a.value, count: Number(a.n) })),
  }))
}
