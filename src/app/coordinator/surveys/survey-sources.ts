import type { SurveyContent } from '../../../shared/surveys'
import { healthLiteracy } from '../../../shared/survey-templates/health-literacy'
import { standSatisfaction } from '../../../shared/survey-templates/stand-satisfaction'
import { topicIntention } from '../../../shared/survey-templates/topic-intention'
import { vaccinationIntention } from '../../../shared/survey-templates/vaccination-intention'
import { blankSurvey } from './survey-draft'

/** Where a new survey starts: empty, or a copy of a shipped template (the template itself stays as it is). */
export const SURVEY_SOURCES = ['blank', 'standSatisfaction', 'healthLiteracy', 'vaccinationIntention', 'topicIntention'] as const
export type SurveySource = (typeof SURVEY_SOURCES)[number]

const TEMPLATES: Record<Exclude<SurveySource, 'blank'>, SurveyContent> = { standSatisfaction, healthLiteracy, vaccinationIntention, topicIntention }

export function isSurveySource(value: unknown): value is SurveySource {
  return typeof value === 'string' && (SURVEY_SOURCES as readonly string[]).includes(value)
}

/** The starting content for a source; a blank survey offers Italian and English. */
export function startingContent(source: SurveySource): SurveyContent {
  return source === 'blank' ? blankSurvey('', ['it', 'en']) : TEMPLATES[source]
}
