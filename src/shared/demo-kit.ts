import { kioskDefaults } from './kiosk-defaults.js'
import type { Kit } from './records.js'
import { TEMPLATE_SURVEY_IDS } from './survey-templates/ids.js'
import { AGE_BANDS, AUDIENCES, INTERACTION_TYPES, TOPICS, VISITOR_LANGUAGES } from './vocabularies.js'

/** Fixed id so the demo kit is the same document on every tablet and on the server. */
export const DEMO_KIT_ID = '01930000-0000-7000-8000-000000000001'

/** The demo corner kit: every vocabulary of the brief, present offline on first start. */
export const demoKit: Kit = {
  id: DEMO_KIT_ID,
  // 2: the kit gained its surveys; a tablet holding version 1 takes this one.
  version: 2,
  name: 'Corner ATS Milano — kit dimostrativo',
  color: '#0066CC',
  topics: [...TOPICS],
  interactionTypes: [...INTERACTION_TYPES],
  ageBands: [...AGE_BANDS],
  audiences: [...AUDIENCES],
  languages: [...VISITOR_LANGUAGES],
  surveyIds: Object.values(TEMPLATE_SURVEY_IDS),
  kiosk: kioskDefaults,
}
