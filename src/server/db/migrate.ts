import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely'
import * as initial from './migrations/20261126T0400-initial.js'
import * as accountsDevices from './migrations/20261126T1200-accounts-devices.js'
import * as surveys from './migrations/20261126T1500-surveys.js'
import * as contents from './migrations/20261126T1700-contents.js'
import * as factDimensions from './migrations/20261126T1900-fact-dimensions.js'
import * as settings from './migrations/20261126T2000-settings.js'
import * as contactTotals from './migrations/20261126T2100-contact-totals.js'
import * as surveyDraftVersion from './migrations/20261126T2200-survey-draft-version.js'
import * as dropUnusedFactIndexes from './migrations/20261126T2300-drop-unused-fact-indexes.js'
import type { OpenedDatabase } from './open-database.js'

// A static list rather than FileMigrationProvider: works the same under tsx (.ts) and compiled (.js).
const migrations = {
  '20261126T0400-initial': initial,
  '20261126T1200-accounts-devices': accountsDevices,
  '20261126T1500-surveys': surveys,
  '20261126T1700-contents': contents,
  '20261126T1900-fact-dimensions': factDimensions,
  '20261126T2000-settings': settings,
  '20261126T2100-contact-totals': contactTotals,
  '20261126T2200-survey-draft-version': surveyDraftVersion,
  '20261126T2300-drop-unused-fact-indexes': dropUnusedFactIndexes,
} satisfies Record<string, { up: (db: Parameters<typeof initial.up>[0], dialect: OpenedDatabase['dialect']) => Promise<void> }>

export type MigrationName = keyof typeof migrations

export function migrateToLatest(opened: OpenedDatabase): Promise<void> {
  return migrate(opened)
}

/** Up to and including `name` only: tests upgrade a database holding data in an older shape. */
export function migrateTo(opened: OpenedDatabase, name: MigrationName): Promise<void> {
  return migrate(opened, name)
}

async function migrate({ db, dialect, pgSchema }: OpenedDatabase, target?: MigrationName): Promise<void> {
  if (pgSchema) await sql`create schema if not exists ${sql.id(pgSchema)}`.execute(db)
  const provider: MigrationProvider = {
    async getMigrations() {
      const bound: Record<string, Migration> = {}
      for (const [name, m] of Object.entries(migrations)) bound[name] = { up: (d) => m.up(d, dialect) }
      return bound
    },
  }
  // Pinned: without it kysely looks for its tables in every schema of the search path and
  // fails when another schema of a shared database holds its own (docs/deployment.md).
  const migrator = new Migrator({ db, provider, ...(pgSchema ? { migrationTableSchema: pgSchema } : {}) })
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error })
  }
}
