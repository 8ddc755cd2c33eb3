import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, describe, expect, it } from 'vitest'
import { demoEvent } from '../../src/shared/demo-event.js'
import { startServer } from '../../src/server/start-server.js'
import { enrolNewDevice, interaction, json, login, push } from './helpers/api.js'
import { ADMIN_PASSWORD, backends, dropSchema, runScopedName, startTestServer } from './helpers/backends.js'
import { makeTempDir } from './helpers/fake-dist.js'
import { databaseUrl, PG_URL } from './helpers/pg-url.js'

const postgres = backends.find((b) => b.name === 'postgres')?.available ?? false

async function sql(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}

describe.runIf(postgres)('a PostgreSQL database shared with other apps', () => {
  const database = runScopedName('db')
  const url = databaseUrl(database)
  afterAll(async () => sql(PG_URL, [`drop database if exists "${database}" with (force)`]))

  it('starts next to another kysely app\'s migration tables and another app\'s "events" table', async () => {
    await sql(PG_URL, [`create database "${database}"`])
    await sql(url, [
      'create schema billing',
      'create table billing.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)',
      'create table billing.kysely_migration_lock (id varchar(255) primary key, is_locked integer not null default 0)',
      "insert into billing.kysely_migration values ('2020-01-01-init', '2020-01-01')",
      'create table public.events (id serial primary key, title text)',
    ])
    const server = await startServer({ port: 0, dataDir: makeTempDir(), staticRoot: false, databaseUrl: url, admin: { password: ADMIN_PASSWORD } })
    try {
      const device = await enrolNewDevice(server.url)
      expect((await push(server.url, device.token, { facts: [interaction(device.deviceId)] })).results[0]?.status).toBe('accepted')
    } finally {
      await server.close()
    }
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const ours = await client.query("select count(*)::int as n from information_schema.tables where table_schema = 'corner' and table_name = 'facts'")
      expect(ours.rows[0].n).toBe(1)
      const theirs = await client.query('select column_name from information_schema.columns where table_schema = $1 and table_name = $2 order by 1', ['public', 'events'])
      expect(theirs.rows.map((r) => r.column_name)).toEqual(['id', 'title'])
      expect((await client.query('select name from billing.kysely_migration')).rows).toEqual([{ name: '2020-01-01-init' }])
    } finally {
      await client.end()
    }
  })

  it('keeps an install that already has its tables in public there', async () => {
    const legacy = runScopedName('legacy')
    await sql(PG_URL, [`create database "${legacy}"`])
    const legacyUrl = databaseUrl(legacy)
    try {
      const first = await startServer({ port: 0, dataDir: makeTempDir(), staticRoot: false, databaseUrl: legacyUrl, pgSchema: 'public', admin: { password: ADMIN_PASSWORD } })
      const device = await enrolNewDevice(first.url)
      await push(first.url, device.token, { facts: [interaction(device.deviceId)] })
      await first.close()
      const second = await startServer({ port: 0, dataDir: makeTempDir(), staticRoot: false, databaseUrl: legacyUrl })
      try {
        expect(await login(second.url)).toMatch(/^corner_session=/)
        expect(await second.app.db.selectFrom('facts').select('id').execute()).toHaveLength(1)
      } finally {
        await second.close()
      }
    } finally {
      await sql(PG_URL, [`drop database if exists "${legacy}" with (force)`])
    }
  })
})

describe.runIf(postgres)('server processes starting at once on one fresh PostgreSQL schema (WEB_CONCURRENCY)', () => {
  const schema = runScopedName('starters')
  afterAll(async () => dropSchema(schema))

  it('all start: they take turns to migrate and seed, and the shipped documents exist once', async () => {
    const start = () => startServer({ port: 0, dataDir: makeTempDir(), staticRoot: false, databaseUrl: PG_URL, pgSchema: schema, admin: { password: ADMIN_PASSWORD } })
    const started = await Promise.allSettled([start(), start(), start()])
    const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started'])
      const db = servers[0]!.app.db
      expect(await db.selectFrom('accounts').select('id').execute()).toHaveLength(1)
      const revisions = await db.selectFrom('survey_revisions').select(['survey_id', 'revision']).execute()
      expect(new Set(revisions.map((r) => `${r.survey_id}/${r.revision}`)).size).toBe(revisions.length)
      expect(revisions.length).toBeGreaterThan(0)
    } finally {
      await Promise.all(servers.map((s) => s.close()))
    }
  })
})

describe.each(backends)('two coordinators creating the same event id at once on $name', ({ name, available }) => {
  it.skipIf(!available)('one gets it, the other a conflict', async () => {
    const server = await startTestServer(name)
    try {
      const cookie = await login(server.url)
      const { version: _v, status: _s, createdAt: _c, ...fields } = { ...demoEvent(new Date()), id: uuidv7() }
      const create = () => fetch(`${server.url}/api/v1/admin/events`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(fields) })
      const statuses = (await Promise.all([create(), create(), create()])).map((r) => r.status).sort()
      expect(statuses).toEqual([201, 409, 409])
    } finally {
      await server.close()
    }
  })
})
