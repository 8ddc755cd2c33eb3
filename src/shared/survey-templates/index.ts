import type { Survey, SurveyContent } from '../surveys.js'
import { healthLiteracy } from './health-literacy.js'
import { standSatisfaction } from './stand-satisfaction.js'
import { topicIntention } from './topic-intention.js'
import { vaccinationIntention } from './vaccination-intention.js'

import { TEMPLATE_SURVEY_IDS } from './ids.js'

export { TEMPLATE_SURVEY_IDS }

const PUBLISHED_AT = '2026-11-26T00:00:00.000Z'

function template(id: string, content: SurveyContent): Survey {
  // version 0 on a tablet: the server's copy (same id, same revision) replaces it on the first pull.
  return { ...content, id, version: 0, revision: 1, publishedAt: PUBLISHED_AT }
}

/** The surveys shipped with the app, revision 1, attached to the demo kit. */
export const templateSurveys: readonly Survey[] = [
  template(TEMPLATE_SURVEY_IDS.standSatisfaction, standSatisfaction),
  template(TEMPLATE_SURVEY_IDS.healthLiteracy, healthLiteracy),
  template(TEMPLATE_SURVEY_IDS.vaccinationIntention, vaccinationIntention),
  template(TEMPLATE_SURVEY_IDS.topicIntention, topicIntention),
]
