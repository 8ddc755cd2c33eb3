import type { Kysely, Transaction } from 'kysely'
import type { AccountsTable, LoginFailuresTable, SessionsTable } from './accounts.table.js'
import type { DeviceTokensTable, DevicesTable, EnrolmentCodesTable } from './devices.table.js'
import type { DocCounterTable, EventsTable, KitsTable } from './documents.table.js'
import type { ContentCodesTable, ContentsTable, LinkCountsTable } from './contents.table.js'
import type { ContactTotalsTable, FactsTable } from './facts.table.js'
import type { SurveyAnswersTable, SurveyRevisionsTable, SurveysTable, SurveyTotalsTable } from './surveys.table.js'

/**
 * The whole schema. Timestamps are ISO-8601 UTC strings on both dialects, so one query
 * layer serves SQLite and PostgreSQL and string order is time order.
 */
export interface Database {
  facts: FactsTable
  kits: KitsTable
  events: EventsTable
  doc_counter: DocCounterTable
  accounts: AccountsTable
  sessions: SessionsTable
  login_failures: LoginFailuresTable
  devices: DevicesTable
  device_tokens: DeviceTokensTable
  enrolment_codes: EnrolmentCodesTable
  surveys: SurveysTable
  survey_revisions: SurveyRevisionsTable
  survey_answers: SurveyAnswersTable
  contents: ContentsTable
  content_codes: ContentCodesTable
  link_counts: LinkCountsTable
  settings: SettingsTable
  contact_totals: ContactTotalsTable
  survey_totals: SurveyTotalsTable
}

export interface SettingsTable {
  key: string
  value: string
  updated_at: string
}

/** What every repository function takes: the database, or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>
