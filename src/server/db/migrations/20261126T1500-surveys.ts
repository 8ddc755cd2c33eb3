import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/** Surveys (published body + coordinator's draft), every published revision, and answers in rows for SQL counts. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 0 until first published: pulls start above 0, so drafts never reach tablets.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('draft_body', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('surveys_version').on('surveys').column('version').execute()
  await db.schema
    .createTable('survey_revisions')
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_revisions_pk', ['survey_id', 'revision'])
    .execute()
  await db.schema.alterTable('facts').addColumn('survey_id', 'text').execute()
  await db.schema
    .createTable('survey_answers')
    .addColumn('fact_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('too_fast', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('survey_answers_event').on('survey_answers').columns(['event_id', 'survey_id', 'question_id', 'value']).execute()
  await db.schema.createIndex('facts_event_survey').on('facts').columns(['event_id', 'survey_id']).execute()
}
