import { DEMO_CONTENT_IDS } from './demo-content-ids.js'
import { kioskDefaults } from './kiosk-defaults.js'
import type { Kit } from './records.js'
import { TEMPLATE_SURVEY_IDS } from './survey-templates/ids.js'
import { AGE_BANDS, AUDIENCES, INTERACTION_TYPES, TOPICS, VISITOR_LANGUAGES } from './vocabularies.js'

/** Fixed id so the demo kit is the same document on every tablet and on the server. */
export const DEMO_KIT_ID = '01930000-0000-7000-8000-000000000001'

/** The demo corner kit: every vocabulary of the brief, present offline on first start. */
export const demoKit: Kit = {
  id: DEMO_KIT_ID,
  // 3: the kit gained its surveys (2) and contents (3); a tablet holding an older one takes this one.
  version: 3,
  name: 'Corner ATS Milano — kit dimostrativo',
  color: '#0066CC',
  topics: [...TOPICS],
  interactionTypes: [...INTERACTION_TYPES],
  ageBands: [...AGE_BANDS],
  audiences: [...AUDIENCES],
  languages: [...VISITOR_LANGUAGES],
  surveyIds: Object.values(TEMPLATE_SURVEY_IDS),
  kiosk: kioskDefaults,
  contentIds: Object.values(DEMO_CONTENT_IDS),
}
