import { DEMO_KIT_ID } from './demo-kit.js'
import type { EventDoc } from './records.js'

/** Fixed id so the demo event is the same document on every tablet and on the server. */
export const DEMO_EVENT_ID = '01930000-0000-7000-8000-000000000002'

function isoDay(date: Date, plusDays = 0): string {
  return new Date(date.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10)
}

/** A three-day village festival starting on `today`, so a fresh install has something to log into. */
export function demoEvent(today: Date): EventDoc {
  return {
    id: DEMO_EVENT_ID,
    version: 1,
    kitId: DEMO_KIT_ID,
    name: 'Festa di paese — demo',
    setting: 'community',
    occasion: 'village_festival',
    venue: 'Piazza della Chiesa',
    municipality: 'Milano',
    startDate: isoDay(today),
    endDate: isoDay(today, 2),
    targetGroups: ['general_public'],
    status: 'open',
    createdAt: today.toISOString(),
  }
}
