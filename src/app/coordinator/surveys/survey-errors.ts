import { errorMessageKey } from '../error-codes'

/** Server answers the survey screens explain in their own words; the rest as the whole area does. */
const SURVEY_CODES = new Set(['revision_conflict', 'draft_conflict', 'incomplete_translation', 'nothing_to_publish', 'unknown_survey', 'bad_json', 'body_too_large', 'invalid_body', 'version_conflict', 'not_a_file'])

/** The locale key that explains an error code on a survey screen. */
export function surveyErrorKey(code: string): string {
  return SURVEY_CODES.has(code) ? `coordinator.surveys.errors.${code}` : errorMessageKey(code)
}
