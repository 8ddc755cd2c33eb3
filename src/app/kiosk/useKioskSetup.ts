import { ref, type Ref } from 'vue'
import { clearActiveKiosk, markKioskActive } from '../db/active-kiosk'
import { getEvent } from '../db/events'
import { getKit } from '../db/kits'
import { hasKioskPin } from '../db/kiosk-pin'
import { getSurvey } from '../db/survey-responses'
import { kioskDefaults } from '../../shared/kiosk-defaults'
import type { EventDoc, KioskSettings } from '../../shared/records'
import type { Survey } from '../../shared/surveys'
import { VISITOR_LANGUAGES } from '../surveys/visitor-texts'

export type KioskSetup =
  | { ok: true; event: EventDoc; survey: Survey; settings: KioskSettings; languages: string[] }
  | { ok: false; problem: 'not_found' | 'no_pin' | 'read_failed' }

/**
 * What the kiosk runs on, read once when it opens (not live): a pull that brings a new survey
 * revision or kit must never change the questions under a visitor's finger.
 */
export function useKioskSetup(eventId: Ref<string>, surveyId: Ref<string | undefined>) {
  const setup = ref<KioskSetup>()

  /** A kiosk that cannot run is not running: the operator app must stay reachable. */
  async function cannotRun(problem: 'not_found' | 'no_pin') {
    setup.value = { ok: false, problem }
    await clearActiveKiosk().catch(() => undefined)
  }

  async function load() {
    try {
      const event = await getEvent(eventId.value)
      const kit = event ? await getKit(event.kitId) : undefined
      const id = surveyId.value ?? kit?.surveyIds?.[0]
      const offered = Boolean(id && kit?.surveyIds?.includes(id))
      const survey = offered && id ? await getSurvey(id) : undefined
      if (!event || !kit || !survey) return await cannotRun('not_found')
      if (!(await hasKioskPin())) return await cannotRun('no_pin')
      // The kit's languages the survey is written in and the kiosk has texts for, kit order first.
      const wanted = kit.languages.length ? kit.languages : survey.languages
      const languages = wanted.filter((l) => survey.languages.includes(l) && VISITOR_LANGUAGES.includes(l))
      if (!languages.length) languages.push(survey.defaultLanguage)
      // From now on a relaunch (or the operator app opened) lands back here until the PIN exit:
      // stored before the attract screen shows, so a tablet reloaded or killed the moment it
      // appears still comes back to it.
      await markKioskActive({ eventId: event.id, surveyId: survey.id }).catch(() => undefined)
      setup.value = { ok: true, event, survey, settings: { ...kioskDefaults, ...kit.kiosk }, languages }
    } catch {
      setup.value = { ok: false, problem: 'read_failed' }
    }
  }

  void load()
  return { setup, reload: load }
}
