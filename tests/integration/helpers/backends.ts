import { rmSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { startServer, type RunningServer, type StartOptions } from '../../../src/server/start-server.js'
import { makeTempDir } from './fake-dist.js'

export type BackendName = 'sqlite' | 'postgres'

import { PG_URL } from './pg-url.js'

export { PG_URL }

let names = 0
/** A PostgreSQL name (schema, database) for this run: global-setup drops them all at the end. */
export function runScopedName(what: string): string {
  return `${inject('pgRunPrefix')}_${what}_${process.pid}_${++names}`
}

async function checkPostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    await client.end().catch(() => undefined)
  }
}

const pgError = await checkPostgres()
if (pgError) {
  // CI must prove both dialects: an unreachable PostgreSQL there is a failure, not a skip.
  if (process.env.CI === 'true') throw new Error(`PostgreSQL unreachable at ${PG_URL} in CI: ${pgError}`)
  console.warn(`\n!!! PostgreSQL unreachable at ${PG_URL} (${pgError}): PostgreSQL integration tests SKIPPED !!!\n`)
}

/**
 * The dialects every sync test runs against. `npm run mutate` sets CORNER_TESTS_SQLITE_ONLY:
 * the code it mutates runs the same on both, and each mutant then costs half the time.
 */
const sqliteOnly = process.env.CORNER_TESTS_SQLITE_ONLY === '1'
export const backends: { name: BackendName; available: boolean }[] = [
  { name: 'sqlite', available: true },
  { name: 'postgres', available: pgError === undefined && !sqliteOnly },
]

export interface TestServer extends RunningServer {
  /** The server's data directory (SQLite file, lock file). */
  dataDir: string
  /** Moves the server's clock (expiring codes and sessions without waiting). */
  advanceClock: (ms: number) => void
}

/** A real server on 127.0.0.1 and an ephemeral port, on a fresh database of its own. */
export async function startTestServer(backend: BackendName, extra: StartOptions = {}): Promise<TestServer> {
  const dataDir = makeTempDir()
  const pgSchema = runScopedName('s')
  let offset = 0
  const server = await startServer({
    port: 0,
    dataDir,
    staticRoot: false,
    admin: { username: 'admin', password: ADMIN_PASSWORD },
    clock: () => new Date(Date.now() + offset),
    ...(backend === 'postgres' ? { databaseUrl: PG_URL, pgSchema } : {}),
    ...extra,
  })
  return {
    ...server,
    dataDir,
    advanceClock: (ms) => {
      offset += ms
    },
    close: async () => {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
      if (backend === 'postgres') await dropSchema(pgSchema)
    },
  }
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    await client.query(`drop schema if exists "${schema}" cascade`)
  } finally {
    await client.end()
  }
}

export const ADMIN_PASSWORD = 'integration-test-password'
