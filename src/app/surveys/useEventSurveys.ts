import { computed, type Ref } from 'vue'
import { useLiveQuery } from '../composables/useLiveQuery'
import { getEvent } from '../db/events'
import { hasKioskPin } from '../db/kiosk-pin'
import { getKit } from '../db/kits'
import { getEventTotals } from '../db/sync-state'
import { listKitSurveys, listSurveyResponses } from '../db/survey-responses'
import { useOnline } from '../layout/useOnline'
import { localDay } from '../../shared/dates'
import { aggregateResponses, type SurveyResult } from '../../shared/survey-results'
import type { Survey } from '../../shared/surveys'

export interface EventSurveySummary {
  survey: Survey
  today: number
  /** This tablet's responses, counted by the shared aggregation (too-fast ones left out). */
  result: SurveyResult
  /** Across all the event's tablets, as the last pull brought them (shown online only). */
  allTablets?: { responses: number; counts: Map<string, number> }
}

/** The event's surveys with this tablet's responses today and results, live; plus whether a kiosk PIN is set. */
export function useEventSurveys(eventId: Ref<string>) {
  const online = useOnline()
  const query = useLiveQuery(async () => {
    const event = await getEvent(eventId.value)
    const kit = event ? await getKit(event.kitId) : undefined
    const [surveys, responses, totals, pinSet] = await Promise.all([
      listKitSurveys(kit?.surveyIds ?? []),
      listSurveyResponses(eventId.value),
      getEventTotals(eventId.value),
      hasKioskPin(),
    ])
    const today = localDay(new Date())
    const summaries = surveys.map((survey): EventSurveySummary => {
      const mine = responses.filter((r) => r.payload.surveyId === survey.id)
      const total = totals?.surveys?.find((t) => t.surveyId === survey.id)
      return {
        survey,
        today: mine.filter((r) => r.day === today).length,
        result: aggregateResponses(survey, mine.map((r) => r.payload)),
        allTablets: total && { responses: total.responses, counts: new Map(total.answers.map((a) => [`${a.questionId}:${a.value}`, a.count])) },
      }
    })
    return { event, found: Boolean(event), summaries, pinSet }
  }, [eventId])
  const showAllTablets = computed(() => online.value)
  return { ...query, showAllTablets }
}
