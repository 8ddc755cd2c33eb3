import { beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { db } from '../../src/app/db/db'
import { getDeviceId } from '../../src/app/db/meta'
import { readSurveyDraft } from '../../src/app/db/survey-responses'
import type { KioskClock } from '../../src/app/kiosk/kiosk-clock'
import { useIdleTimer } from '../../src/app/kiosk/useIdleTimer'
import { useKioskSession } from '../../src/app/kiosk/useKioskSession'
import type { SurveyResponseFact } from '../../src/shared/records'
import { templateSurveys } from '../../src/shared/survey-templates'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids'
import { failNextWrite, freshState } from './support'

const EVENT = '01930000-0000-7000-8000-0000000000aa'
const vaccination = templateSurveys.find((s) => s.id === TEMPLATE_SURVEY_IDS.vaccinationIntention)!

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-11-26T10:00:00Z')) {
  let now = start
  let timers: { at: number; run: () => void }[] = []
  const clock: KioskClock = {
    now: () => now,
    after(ms, run) {
      const timer = { at: now + ms, run }
      timers.push(timer)
      return () => (timers = timers.filter((t) => t !== timer))
    },
  }
  const advance = (ms: number) => {
    const end = now + ms
    for (let due = timers.sort((a, b) => a.at - b.at)[0]; due && due.at <= end; due = timers.sort((a, b) => a.at - b.at)[0]) {
      timers = timers.filter((t) => t !== due)
      now = due.at
      due.run()
    }
    now = end
  }
  return { clock, advance }
}

const responses = async () => (await db.facts.toArray()).map((f) => (f as SurveyResponseFact).payload)

function session(keepPartial: boolean, clock: KioskClock) {
  return effectScope().run(() => useKioskSession(ref(EVENT), ref(vaccination), clock, () => keepPartial))!
}

describe('a kiosk session', () => {
  beforeEach(freshState)

  it('follows skip logic, records a complete response and is ready for the next visitor', async () => {
    const { clock, advance } = manualClock()
    const s = session(true, clock)
    s.chooseLanguage('ar')
    s.start()
    expect(s.questions.value.map((q) => q.id)).toEqual(['flu_intention', 'wants_info'])
    advance(5_000)
    await s.answer(2)
    expect(s.current.value?.id).toBe('main_doubt')
    advance(5_000)
    await s.answer('side_effects')
    advance(5_000)
    await s.answer('yes')
    expect(s.step.value).toBe('thanks')
    expect(await responses()).toEqual([expect.objectContaining({ language: 'ar', completion: 'complete', tooFast: false, answers: [
      { questionId: 'flu_intention', value: 2 }, { questionId: 'main_doubt', value: 'side_effects' }, { questionId: 'wants_info', value: 'yes' },
    ] })])
    expect(s.answers.value.size).toBe(0)
    expect(await readSurveyDraft()).toBeUndefined()
  })

  it('moves on, not to the thank-you, when the last visible question\'s answer reveals a follow-up', async () => {
    // Without its closing question, the survey's last visible one is flu_intention until an answer of 1–3 shows main_doubt.
    const short = { ...vaccination, questions: vaccination.questions.filter((q) => q.id !== 'wants_info') }
    const s = effectScope().run(() => useKioskSession(ref(EVENT), ref(short), manualClock().clock, () => true))!
    s.chooseLanguage('it')
    s.start()
    expect(s.isLast.value).toBe(true)
    await s.answer(2)
    expect([s.step.value, s.current.value?.id, await db.facts.count()]).toEqual(['question', 'main_doubt', 0])
    await s.answer('access')
    expect(s.step.value).toBe('thanks')
    expect(await responses()).toEqual([expect.objectContaining({ answers: [{ questionId: 'flu_intention', value: 2 }, { questionId: 'main_doubt', value: 'access' }] })])
  })

  it('leaves no draft behind when the last tap comes while the previous answer\'s draft is still being saved', async () => {
    const s = session(true, manualClock().clock)
    s.chooseLanguage('it')
    s.start()
    // No await: this answer's draft save is still in flight when the last tap commits.
    const first = s.answer(5)
    expect(s.current.value?.id).toBe('wants_info')
    await s.answer('yes')
    await first
    expect(await responses()).toEqual([expect.objectContaining({ completion: 'complete', answers: [{ questionId: 'flu_intention', value: 5 }, { questionId: 'wants_info', value: 'yes' }] })])
    expect(await readSurveyDraft()).toBeUndefined()
  })

  it('records one response for a double tap on the last answer', async () => {
    const s = session(true, manualClock().clock)
    s.chooseLanguage('it')
    s.start()
    await s.answer(5)
    const taps = [s.answer('yes'), s.answer('no')]
    await Promise.all(taps)
    expect(s.step.value).toBe('thanks')
    expect(await responses()).toEqual([expect.objectContaining({ answers: [{ questionId: 'flu_intention', value: 5 }, { questionId: 'wants_info', value: 'yes' }] })])
  })

  it('ignores a change of answer and a second "next" while the response is being committed, leaving one response and no draft', async () => {
    const doubts = { ...vaccination.questions.find((q) => q.id === 'main_doubt')!, id: 'doubts', type: 'multiple_choice', showIf: undefined }
    const survey = { ...vaccination, questions: [vaccination.questions[0]!, doubts] } as typeof vaccination
    const s = effectScope().run(() => useKioskSession(ref(EVENT), ref(survey), manualClock().clock, () => true))!
    await getDeviceId() // read once at the app's start (modules/storage.ts): the commit then starts without waiting
    s.chooseLanguage('it')
    s.start()
    await s.answer(5)
    await s.answer(['access'])
    const committed = s.goNext()
    await s.answer(['access', 'other'])
    await s.goNext() // a double tap on "next"
    await committed
    expect(s.step.value).toBe('thanks')
    expect(await responses()).toEqual([expect.objectContaining({ answers: [{ questionId: 'flu_intention', value: 5 }, { questionId: 'doubts', value: ['access'] }] })])
    expect(await readSurveyDraft()).toBeUndefined()
  })

  it('does not move past a required question without an answer', async () => {
    const s = session(true, manualClock().clock)
    s.chooseLanguage('it')
    s.start()
    await s.goNext()
    expect([s.current.value?.id, s.missing.value]).toEqual(['flu_intention', true])
  })

  it('keeps a partial response on reset when the kit says so, and drops it otherwise', async () => {
    for (const keep of [true, false]) {
      await freshState()
      const s = session(keep, manualClock().clock)
      s.chooseLanguage('es')
      s.start()
      await s.answer(5)
      expect(await readSurveyDraft()).toMatchObject({ answers: [['flu_intention', 5]] })
      await s.reset()
      expect([s.step.value, s.language.value, s.answers.value.size]).toEqual(['attract', '', 0])
      expect(await readSurveyDraft()).toBeUndefined()
      expect(await responses()).toEqual(keep ? [expect.objectContaining({ completion: 'partial', answers: [{ questionId: 'flu_intention', value: 5 }] })] : [])
    }
  })

  it('commits the last answer without a draft write of its own, and keeps the answers as a draft when the commit fails', async () => {
    const { clock, advance } = manualClock()
    const s = session(true, clock)
    s.chooseLanguage('it')
    s.start()
    advance(5_000)
    await s.answer(5)
    const puts = vi.spyOn(db.meta, 'put')
    const failing = failNextWrite('outbox', 'add')
    advance(5_000)
    await s.answer('no')
    failing.mockRestore()
    // The commit failed: nothing recorded, the visitor still on the question, the answers kept for a killed tablet.
    expect([s.step.value, s.failed.value, await db.facts.count()]).toEqual(['question', true, 0])
    expect(await readSurveyDraft()).toMatchObject({ answers: [['flu_intention', 5], ['wants_info', 'no']] })
    puts.mockClear()
    await s.answer('yes')
    expect(s.step.value).toBe('thanks')
    // The tap that ended the survey wrote no draft before its commit (it would queue behind it).
    expect(puts).not.toHaveBeenCalled()
    puts.mockRestore()
    expect(await responses()).toEqual([expect.objectContaining({ completion: 'complete', answers: [{ questionId: 'flu_intention', value: 5 }, { questionId: 'wants_info', value: 'yes' }] })])
    expect(await readSurveyDraft()).toBeUndefined()
  })

  it('settles a draft left by a killed kiosk as the kit says', async () => {
    const first = session(true, manualClock().clock)
    first.chooseLanguage('zh')
    first.start()
    await first.answer(4)
    const next = session(true, manualClock().clock)
    await next.settleLeftover([vaccination])
    expect(await responses()).toEqual([expect.objectContaining({ language: 'zh', completion: 'partial' })])
    expect(await readSurveyDraft()).toBeUndefined()
  })
})

describe('the idle timer', () => {
  it('prompts after the idle time, counts down and expires; a touch starts the wait again', () => {
    const { clock, advance } = manualClock()
    let expired = 0
    const idle = effectScope().run(() => useIdleTimer(clock, () => 45_000, () => 15_000, () => expired++))!
    idle.restart()
    advance(44_999)
    expect(idle.prompting.value).toBe(false)
    advance(1)
    expect([idle.prompting.value, idle.secondsLeft.value]).toEqual([true, 15])
    advance(5_000)
    expect(idle.secondsLeft.value).toBe(10)
    idle.stillHere()
    advance(44_000)
    expect([idle.prompting.value, expired]).toEqual([false, 0])
    advance(1_000 + 15_000)
    expect([idle.prompting.value, expired]).toEqual([false, 1])
  })
})
