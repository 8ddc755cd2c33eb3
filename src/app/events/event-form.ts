/** The event form as typed, on the tablet and in the coordinator area (selects start empty). */
export interface EventForm {
  kitId: string
  name: string
  setting: string
  occasion: string
  venue: string
  municipality: string
  startDate: string
  endDate: string
  targetGroups: string[]
}

export function emptyEventForm(today: string): EventForm {
  return { kitId: '', name: '', setting: '', occasion: '', venue: '', municipality: '', startDate: today, endDate: today, targetGroups: [] }
}
