import pg from 'pg'

export const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Runs `bench` against PostgreSQL when a server answers; says so when none does. Only the
 * probe's failure means "skipped": a failure inside the bench itself is not hidden.
 */
export async function onPostgresIfReachable(bench: () => Promise<void>): Promise<void> {
  const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await probe.connect()
    await probe.end()
  } catch (error) {
    console.log(`\npostgres: skipped (${error instanceof Error ? error.message : String(error)})`)
    return
  }
  await bench()
}
