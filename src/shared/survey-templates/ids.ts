/** Fixed ids of the shipped surveys: the same documents on every tablet (seeded offline) and on the server. */
export const TEMPLATE_SURVEY_IDS = {
  standSatisfaction: '01930000-0000-7000-8000-000000000101',
  healthLiteracy: '01930000-0000-7000-8000-000000000102',
  vaccinationIntention: '01930000-0000-7000-8000-000000000103',
  topicIntention: '01930000-0000-7000-8000-000000000104',
} as const
