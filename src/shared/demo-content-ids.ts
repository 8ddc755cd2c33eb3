/** Fixed ids of the demo contents: the same documents on every tablet (seeded offline) and on the server. */
export const DEMO_CONTENT_IDS = {
  fluVaccine: '01930000-0000-7000-8000-000000000201',
  screening: '01930000-0000-7000-8000-000000000202',
  quitSmoking: '01930000-0000-7000-8000-000000000203',
} as const
