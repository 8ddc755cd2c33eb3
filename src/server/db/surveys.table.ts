import type { Selectable } from 'kysely'

/**
 * A survey: `body` is the published revision (null until the first publication), `draft_body`
 * what a coordinator is editing. `version` is the sync cursor (0 while unpublished).
 */
export interface SurveysTable {
  id: string
  version: number
  revision: number
  body: string | null
  draft_body: string | null
  /** Moved on by every save and publication: a save must name the one it started from. */
  draft_version: number
  updated_at: string
}

/** Every published revision, kept: responses are checked and reported against the one they were taken with. */
export interface SurveyRevisionsTable {
  survey_id: string
  revision: number
  body: string
  published_at: string
}

/** One row per answer value of a stored response (a multiple choice gives several): counts in SQL. */
export interface SurveyAnswersTable {
  fact_id: string
  event_id: string
  survey_id: string
  survey_version: number
  question_id: string
  value: string
  /** 1 when the response was flagged implausibly fast. */
  too_fast: number
}

export type SurveyRow = Selectable<SurveysTable>

/**
 * Answers of an event's survey on one Milan day, per question and value, responses flagged too
 * fast left out; the row with question and value '' counts the responses themselves.
 */
export interface SurveyTotalsTable {
  event_id: string
  survey_id: string
  question_id: string
  value: string
  local_day: string
  count: number
}
