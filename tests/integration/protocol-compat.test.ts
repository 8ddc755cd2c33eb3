import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyncApi } from '../compat/v1/api.js'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { DEMO_KIT_ID, demoKit } from '../../src/shared/demo-kit.js'
import { PROTOCOL_HEADER } from '../../src/shared/sync-protocol.js'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids.js'
import { canonicalJson } from '../../src/server/sync/canonical-json.js'
import { nextDocumentVersion } from '../../src/server/documents/documents-repository.js'
import { interaction, issueCode, login } from './helpers/api.js'
import { backends, startTestServer, type TestServer } from './helpers/backends.js'

describe.each(backends)('a tablet still running protocol version 1, against today\'s server on $name', ({ name, available }) => {
  let server: TestServer
  // What the browser adds to the old client's requests: its own origin.
  const v1 = () => createSyncApi(server.url, (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as object), origin: server.url } }))
  beforeAll(async () => {
    if (available) server = await startTestServer(name)
  })
  afterAll(async () => server?.close())

  it.skipIf(!available)('enrols, pushes, and pulls every page with its strict schemas, even when documents carry fields it never knew', async () => {
    const api = v1()
    const code = (await issueCode(server.url, await login(server.url))).code
    const deviceId = uuidv7()
    const { token } = await api.enrol({ code, deviceId })
    // A kit as a later server keeps it: a field version 1 does not know.
    const grown = uuidv7()
    await server.app.db.transaction().execute(async (trx) => {
      const version = await nextDocumentVersion(trx)
      const body = canonicalJson({ ...demoKit, id: grown, name: 'Kit with surveys', version: undefined, surveyIds: [TEMPLATE_SURVEY_IDS.healthLiteracy] })
      await trx.insertInto('kits').values({ id: grown, version, body, updated_at: new Date().toISOString() }).execute()
    })

    const facts = Array.from({ length: 30 }, () => interaction(deviceId))
    const pushed = await api.push(token, { facts: facts as never, events: [] }, facts.length)
    expect(pushed.results.map((r) => r.status)).toEqual(facts.map(() => 'accepted'))

    let cursor = 0
    const kitIds: string[] = []
    for (let page = 0; page < 10; page++) {
      const answer = await api.pull(token, cursor, 0, DEMO_EVENT_ID)
      kitIds.push(...answer.kits.map((k) => k.id))
      if (answer.cursor === cursor) break
      cursor = answer.cursor
      expect(answer.totals).toEqual({ eventId: DEMO_EVENT_ID, contacts: 30, devices: 1 })
    }
    expect(kitIds).toEqual([DEMO_KIT_ID, grown])

    // Today's tablets get the new field, and the new kind of document (surveys).
    const v2 = await (await fetch(`${server.url}/api/v1/pull?cursor=0`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: '2' } })).json()
    expect(v2.kits.find((k: { id: string }) => k.id === grown).surveyIds).toEqual([TEMPLATE_SURVEY_IDS.healthLiteracy])
    expect(v2.surveys.map((s: { id: string }) => s.id)).toContain(TEMPLATE_SURVEY_IDS.healthLiteracy)
  })
})
