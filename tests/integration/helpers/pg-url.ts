export const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** The same server, another database (tests that need a whole database of their own). */
export function databaseUrl(database: string): string {
  const url = new URL(PG_URL)
  url.pathname = `/${database}`
  return url.toString()
}
