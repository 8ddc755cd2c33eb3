import { v7 as uuidv7 } from 'uuid'
import { DEMO_EVENT_ID } from '../../../src/shared/demo-event.js'
import type { Answer, Fact } from '../../../src/shared/records.js'
import { TEMPLATE_SURVEY_IDS } from '../../../src/shared/survey-templates/ids.js'

/** A kiosk response as a tablet writes it (defaults: the stand-satisfaction template, complete). */
export function surveyResponse(deviceId: string, answers: Answer[], overrides: Record<string, unknown> = {}): Fact {
  const started = new Date(Date.now() - 30_000).toISOString()
  return {
    id: uuidv7(), kind: 'survey_response', eventId: DEMO_EVENT_ID, deviceId, at: new Date().toISOString(), schemaVersion: 2,
    payload: {
      surveyId: TEMPLATE_SURVEY_IDS.standSatisfaction, surveyVersion: 1, language: 'it', channel: 'kiosk',
      startedAt: started, completedAt: new Date().toISOString(), completion: 'complete', answers, tooFast: false, ...overrides,
    },
  } as Fact
}
