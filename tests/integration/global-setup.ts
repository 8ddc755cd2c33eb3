import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { PG_URL } from './helpers/pg-url.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgRunPrefix: string
  }
}

/**
 * Every PostgreSQL schema and database this run creates starts with one prefix, so the run
 * drops exactly its own at the end — even those of a test that died before its own cleanup —
 * and never those of another run sharing the server.
 */
export default function setup(project: TestProject) {
  const prefix = `it_${randomBytes(4).toString('hex')}`
  project.provide('pgRunPrefix', prefix)
  return async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
    try {
      await client.connect()
    } catch {
      return // no PostgreSQL: nothing was created
    }
    try {
      const schemas = await client.query<{ name: string }>('select nspname as name from pg_namespace where nspname like $1', [`${prefix}%`])
      for (const { name } of schemas.rows) await client.query(`drop schema if exists "${name}" cascade`)
      const databases = await client.query<{ name: string }>('select datname as name from pg_database where datname like $1', [`${prefix}%`])
      for (const { name } of databases.rows) await client.query(`drop database if exists "${name}" with (force)`)
    } finally {
      await client.end()
    }
  }
}
