import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { surveySchema, type Survey } from '../../../src/shared/surveys'

const LANGS = ['it', 'en', 'ar', 'zh', 'es'] as const
/** Poll options: a strict commit on a busy 2-core machine can take longer than expect.poll's 1 s default. */
export const SLOW = { timeout: 15_000, interval: 50 }
const all = (text: string) => Object.fromEntries(LANGS.map((l) => [l, `${text} [${l}]`]))

/** A survey with one question of every type (the templates use five of the eight), valid by the shared schema. */
export const everyTypeSurvey: Survey = surveySchema.parse({
  id: '01930000-0000-7000-8000-0000000009ff',
  version: 0,
  revision: 1,
  publishedAt: '2026-11-26T00:00:00.000Z',
  name: 'Every question type',
  languages: [...LANGS],
  defaultLanguage: 'it',
  title: all('Tutti i tipi'),
  questions: [
    { id: 'single', type: 'single_choice', required: true, text: all('Single'), options: [{ value: 'a', label: all('A') }, { value: 'b', label: all('B') }] },
    { id: 'multiple', type: 'multiple_choice', required: true, text: all('Multiple'), options: [{ value: 'a', label: all('A') }, { value: 'b', label: all('B') }, { value: 'c', label: all('C') }] },
    { id: 'faces3', type: 'faces_3', required: true, text: all('Faces 3') },
    { id: 'faces5', type: 'faces_5', required: true, text: all('Faces 5') },
    { id: 'likert', type: 'likert_5', required: true, scale: 'agreement', text: all('Likert') },
    { id: 'nps', type: 'scale_0_10', required: false, text: all('Scale') },
    { id: 'yesno', type: 'yes_no', required: true, text: all('Yes no') },
    { id: 'count', type: 'number', required: true, min: 1, max: 20, text: all('Number'), unit: all('people') },
  ],
})

/** Reads or changes the tablet's IndexedDB directly, as a fixture (the app has no other way in offline). */
export async function putDocuments(page: Page, survey: Survey, change: { kitId: string; keepPartial?: boolean }): Promise<void> {
  await page.evaluate(async ({ survey, change }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('corner')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = db.transaction(['surveys', 'kits'], 'readwrite')
    tx.objectStore('surveys').put(survey)
    const kits = tx.objectStore('kits')
    const get = kits.get(change.kitId)
    get.onsuccess = () => {
      const kit = get.result
      if (!kit.surveyIds.includes(survey.id)) kit.surveyIds.push(survey.id)
      if (change.keepPartial !== undefined) kit.kiosk = { ...kit.kiosk, keepPartial: change.keepPartial }
      kits.put(kit)
    }
    await new Promise((resolve, reject) => Object.assign(tx, { oncomplete: resolve, onerror: () => reject(tx.error) }))
    db.close()
  }, { survey, change })
}

export interface StoredResponse {
  id: string
  payload: { surveyId: string; language: string; completion: string; answers: { questionId: string; value: unknown }[] }
}

/** The survey responses on the tablet, and whether a kiosk draft is left. */
export async function tabletResponses(page: Page): Promise<{ responses: StoredResponse[]; draft: boolean }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('corner')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const read = <T>(store: string, op: (s: IDBObjectStore) => IDBRequest) =>
      new Promise<T>((resolve, reject) => {
        const request = op(db.transaction(store).objectStore(store))
        request.onsuccess = () => resolve(request.result as T)
        request.onerror = () => reject(request.error)
      })
    const facts = await read<{ kind: string }[]>('facts', (s) => s.getAll())
    const draft = await read<unknown>('meta', (s) => s.get('kioskDraft'))
    db.close()
    return { responses: facts.filter((f) => f.kind === 'survey_response') as unknown as StoredResponse[], draft: Boolean(draft) }
  })
}

export const kioskStep = (page: Page) => page.getByTestId('kiosk').getAttribute('data-step')

/** From the operator's survey screen into the kiosk for one survey. */
export async function enterKiosk(page: Page, surveyId: string): Promise<void> {
  await page.locator(`[data-testid="start-kiosk"][data-survey="${surveyId}"]`).click()
  await expect.poll(() => kioskStep(page), SLOW).toBe('attract')
}

/** Picks a language and passes the privacy notice. */
export async function beginSurvey(page: Page, language: string): Promise<void> {
  await page.locator(`[data-language="${language}"]`).click()
  await page.getByTestId('kiosk-start').click()
  await expect.poll(() => kioskStep(page), SLOW).toBe('question')
}

/** Answers the question on screen with its first choice (multiple choice and number need "next"). */
export async function answerCurrent(page: Page): Promise<void> {
  const question = page.locator('[data-question-type]')
  const type = await question.getAttribute('data-question-type')
  const heading = await question.locator('h1').textContent()
  if (type === 'number') {
    await question.locator('input').fill('3')
    await page.getByTestId('kiosk-next').click()
  } else if (type === 'multiple_choice') {
    await question.locator('[role="checkbox"]').first().click()
    await page.getByTestId('kiosk-next').click()
  } else {
    await question.locator('[role="radio"]').first().click()
  }
  // Moved on: another question, the thank-you screen, or (a failure the caller reports) elsewhere.
  await expect
    .poll(() => page.evaluate((before) => document.querySelector('[data-question-type] h1')?.textContent !== before, heading), SLOW)
    .toBe(true)
}

/** Answers every question until the thank-you screen; returns the question types seen. */
export async function completeSurvey(page: Page): Promise<string[]> {
  const types: string[] = []
  for (let i = 0; i < 25 && (await kioskStep(page)) === 'question'; i++) {
    types.push((await page.locator('[data-question-type]').getAttribute('data-question-type'))!)
    await answerCurrent(page)
  }
  expect(await kioskStep(page)).toBe('thanks')
  return types
}

/** Interactive elements of the kiosk smaller than 44 × 44 CSS pixels. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="kiosk"] :is(button, a, input, select)')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.tagName} "${el.textContent?.trim() || el.getAttribute('aria-label')}" ${Math.round(box.width)}×${Math.round(box.height)}`),
  )
}

/** Types a PIN into the exit dialog. */
export async function typeExitPin(page: Page, pin: string): Promise<void> {
  if (!(await page.getByTestId('kiosk-exit').isVisible())) await page.getByTestId('kiosk-exit-control').click()
  await page.locator('#kiosk-exit-pin').fill(pin)
  await page.locator('[data-testid="kiosk-exit"] button[type="submit"]').click()
}

/** Leaves a running kiosk with the operator PIN: until then every address (and a relaunch) lands back in it. */
export async function leaveKiosk(page: Page, pin: string): Promise<void> {
  await typeExitPin(page, pin)
  await page.waitForURL(/\/surveys$/)
}
