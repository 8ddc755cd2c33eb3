import { v7 as uuidv7 } from 'uuid'
import { DEMO_EVENT_ID } from '../../../src/shared/demo-event.js'
import type { Fact } from '../../../src/shared/records.js'
import { TEMPLATE_SURVEY_IDS } from '../../../src/shared/survey-templates/ids.js'
import { AGE_BANDS, AUDIENCES, INTERACTION_TYPES } from '../../../src/shared/vocabularies.js'
import { push, voidOf } from './api.js'
import { surveyResponse } from './surveys.js'

const TOPICS = ['smoking', 'vaccine_flu', 'nutrition', 'screening_breast']

/**
 * A day at the stand from two tablets, deterministic: taps with every attribute (some
 * missing), a few undone, survey responses (one flagged too fast, one partial), and a formula
 * planted in nothing a person typed (vocabularies are codes). Returns everything pushed.
 */
export async function pushStandDay(baseUrl: string, tablets: { deviceId: string; token: string }[], eventId = DEMO_EVENT_ID, taps = 40): Promise<Fact[]> {
  const all: Fact[] = []
  for (const [t, tablet] of tablets.entries()) {
    const facts: Fact[] = []
    for (let i = 0; i < taps; i++) {
      const hour = 9 + ((i * 7 + t) % 9)
      facts.push({
        id: uuidv7(), kind: 'interaction', eventId, deviceId: tablet.deviceId, schemaVersion: 1,
        at: `2026-11-26T${String(hour - 1).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}:00.000Z`,
        payload: {
          topic: TOPICS[(i + t) % TOPICS.length]!, groupSize: 1 + (i % 4),
          ...(i % 5 ? { interactionType: INTERACTION_TYPES[i % INTERACTION_TYPES.length] } : {}),
          ...(i % 3 ? { ageBand: AGE_BANDS[i % AGE_BANDS.length] } : {}),
          ...(i % 4 ? { audience: AUDIENCES[i % AUDIENCES.length] } : {}),
          ...(i % 2 ? { language: (['it', 'en', 'ar'] as const)[i % 3] } : {}),
        },
      } as Fact)
    }
    const voids = [facts[3], facts[11]].filter((f) => f !== undefined).map(voidOf)
    const survey = TEMPLATE_SURVEY_IDS.standSatisfaction
    const responses = [
      surveyResponse(tablet.deviceId, [{ questionId: 'satisfaction', value: 3 }, { questionId: 'recommend', value: 10 }], { surveyId: survey }),
      surveyResponse(tablet.deviceId, [{ questionId: 'satisfaction', value: 2 }], { surveyId: survey }),
      surveyResponse(tablet.deviceId, [{ questionId: 'satisfaction', value: 1 }], { surveyId: survey, tooFast: true }),
      surveyResponse(tablet.deviceId, [{ questionId: 'satisfaction', value: 3 }], { surveyId: survey, completion: 'partial', completedAt: undefined }),
    ].map((r) => ({ ...r, eventId }))
    const batch = [...facts, ...voids, ...responses] as Fact[]
    const { results } = await push(baseUrl, tablet.token, { facts: batch })
    const refused = results.filter((r) => r.status !== 'accepted')
    if (refused.length) throw new Error(`fixture refused: ${JSON.stringify(refused.slice(0, 3))}`)
    all.push(...batch)
  }
  return all
}
