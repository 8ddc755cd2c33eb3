import { v7 as uuidv7 } from 'uuid'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids.js'
import { TOPICS, AGE_BANDS } from '../../src/shared/vocabularies.js'

const json = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }

/** A coordinator session cookie (the bench server's admin password). */
export async function session(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: 'bench password' }) })
  return (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
}

/** One stand-satisfaction kiosk response (3 faces + NPS), as a tablet writes it. */
function response(deviceId: string, at: number, i: number) {
  return {
    id: uuidv7(), kind: 'survey_response', eventId: DEMO_EVENT_ID, deviceId, schemaVersion: 2, at: new Date(at + 60_000).toISOString(),
    payload: {
      surveyId: TEMPLATE_SURVEY_IDS.standSatisfaction, surveyVersion: 1, language: 'it', channel: 'kiosk',
      startedAt: new Date(at).toISOString(), completedAt: new Date(at + 60_000).toISOString(), completion: 'complete', tooFast: false,
      answers: [{ questionId: 'satisfaction', value: 1 + (i % 3) }, { questionId: 'recommend', value: i % 11 }],
    },
  }
}

/**
 * N taps pushed by one tablet in batches under the 500-fact limit (1 in 50 undone), as tablets
 * send them, and one kiosk survey response every `tapsPerResponse` taps (0: none).
 */
export async function seedEvent(url: string, cookie: string, count: number, tapsPerResponse = 10): Promise<{ taps: number; responses: number }> {
  const { code } = (await (await fetch(`${url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...json, cookie }, body: '{}' })).json()) as { code: string }
  const deviceId = uuidv7()
  const { token } = (await (await fetch(`${url}/api/v1/enrol`, { method: 'POST', headers: json, body: JSON.stringify({ code, deviceId }) })).json()) as { token: string }
  const start = Date.parse('2026-11-20T07:00:00Z')
  let responses = 0
  for (let done = 0; done < count; done += 400) {
    const facts: object[] = []
    for (let i = done; i < Math.min(count, done + 400); i++) {
      const id = uuidv7()
      const at = start + i * 20_000
      facts.push({
        id, kind: 'interaction', eventId: DEMO_EVENT_ID, deviceId, schemaVersion: 1, at: new Date(at).toISOString(),
        payload: { topic: TOPICS[i % TOPICS.length], groupSize: 1 + (i % 3), ageBand: AGE_BANDS[i % AGE_BANDS.length] },
      })
      if (i % 50 === 49) facts.push({ id: uuidv7(), kind: 'void', eventId: DEMO_EVENT_ID, deviceId, schemaVersion: 1, at: new Date().toISOString(), payload: { targetId: id, reason: 'undo' } })
      if (tapsPerResponse > 0 && i % tapsPerResponse === tapsPerResponse - 1) {
        facts.push(response(deviceId, at, i))
        responses++
      }
    }
    const res = await fetch(`${url}/api/v1/push`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ facts }) })
    if (res.status !== 200) throw new Error(`seed push ${res.status}: ${await res.text()}`)
    const { results } = (await res.json()) as { results: { status: string }[] }
    const refused = results.filter((r) => r.status !== 'accepted')
    if (refused.length) throw new Error(`seed refused: ${JSON.stringify(refused.slice(0, 2))}`)
  }
  return { taps: count, responses }
}
