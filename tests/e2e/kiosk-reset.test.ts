import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { templateSurveys } from '../../src/shared/survey-templates'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids'
import { AppServer } from './support/app-server'
import { violations } from './support/axe'
import { Tablet } from './support/browser'
import { Coordinator, serverFactIds } from './support/central'
import { FaultProxy } from './support/fault-proxy'
import { SLOW, answerCurrent, beginSurvey, completeSurvey, enterKiosk, kioskStep, leaveKiosk, putDocuments, tabletResponses, typeExitPin } from './support/kiosk-flow'
import { enrolAndOpenEvent, syncNow } from './support/sync-flow'
import { tabletDeviceId, tabletState } from './support/tablet-data'

const satisfaction = templateSurveys.find((s) => s.id === TEMPLATE_SURVEY_IDS.standSatisfaction)!

describe('kiosk resets, exits and syncs: idle visitors, the operator PIN, a killed tablet, the network', () => {
  const server = new AppServer()
  const proxy = new FaultProxy(() => server.port)
  const coordinator = new Coordinator(server)
  const tablet = new Tablet()
  let page: Page
  let eventUrl = ''

  async function openKiosk(): Promise<void> {
    // The previous test's kiosk still runs (a typed address would land back in it): the operator leaves first.
    if (page.url().includes('/kiosk')) await leaveKiosk(page, '2468')
    await page.goto(`${eventUrl}/surveys`)
    await page.getByTestId('start-kiosk').first().waitFor()
    await enterKiosk(page, satisfaction.id)
  }

  beforeAll(async () => {
    await server.start()
    await proxy.start()
    await coordinator.login()
    const context = await tablet.launch()
    await context.clock.install()
    page = await tablet.page()
    eventUrl = await enrolAndOpenEvent(page, proxy.url, coordinator, 'Festa con chiosco')
    await page.goto(`${proxy.url}/settings`)
    await page.getByLabel('Nuovo PIN (da 4 a 8 cifre)').fill('2468')
    await page.getByLabel('Ripeta il PIN').fill('2468')
    await page.getByRole('button', { name: 'Salva il PIN' }).click()
    await page.getByTestId('pin-set').waitFor()
    // The new event goes up by itself: wait for it (expect.poll is for tests, not hooks).
    for (let i = 0; i < 120 && (await tabletState(page)).queued > 0; i++) await page.waitForTimeout(250)
    await tablet.context!.setOffline(true)
  })
  afterAll(async () => {
    await tablet.close()
    await proxy.stop()
    await server.dispose()
  })

  it('asks "still there?" after the idle time, carries on when touched, then resets keeping the partial answers', async () => {
    await openKiosk()
    await beginSurvey(page, 'es')
    await answerCurrent(page)
    await page.clock.runFor('00:44')
    expect(await page.getByTestId('kiosk-idle').count()).toBe(0)
    await page.clock.runFor('00:02')
    await page.getByTestId('kiosk-idle').waitFor()
    expect(await page.getByTestId('kiosk-idle').textContent()).toContain('¿Sigue ahí?')
    expect(await violations(page)).toEqual([])
    await page.getByTestId('kiosk-idle').getByRole('button').click()
    expect(await kioskStep(page)).toBe('question')
    await page.clock.runFor('00:46')
    await page.getByTestId('kiosk-idle').waitFor()
    await page.clock.runFor('00:16')
    await expect.poll(() => kioskStep(page), SLOW).toBe('attract')
    // Nothing of the previous visitor is left on the page or in the draft; the partial is a fact.
    expect(await page.getByTestId('kiosk').getAttribute('lang')).toBe('it')
    const { responses, draft } = await tabletResponses(page)
    expect(draft).toBe(false)
    expect(responses.map((r) => [r.payload.language, r.payload.completion, r.payload.answers.map((a) => a.questionId)])).toEqual([['es', 'partial', ['satisfaction']]])
  })

  it('drops the partial answers when the kit says so', async () => {
    await putDocuments(page, satisfaction, { kitId: DEMO_KIT_ID, keepPartial: false })
    await openKiosk()
    await beginSurvey(page, 'zh')
    await answerCurrent(page)
    await page.clock.runFor('01:05')
    await expect.poll(() => kioskStep(page), SLOW).toBe('attract')
    const { responses, draft } = await tabletResponses(page)
    expect(responses).toHaveLength(1)
    expect(draft).toBe(false)
  })

  it('keeps what the kit says when the tablet is killed mid-survey', async () => {
    await putDocuments(page, satisfaction, { kitId: DEMO_KIT_ID, keepPartial: true })
    await openKiosk()
    await beginSurvey(page, 'ar')
    await answerCurrent(page)
    const kioskUrl = page.url()
    await expect.poll(async () => (await tabletResponses(page)).draft, SLOW).toBe(true)
    await tablet.kill()
    const context = await tablet.launch()
    await context.clock.install()
    await context.setOffline(true)
    page = await tablet.page()
    await page.goto(kioskUrl)
    await expect.poll(() => kioskStep(page), SLOW).toBe('attract')
    await expect.poll(async () => (await tabletResponses(page)).responses.length, SLOW).toBe(2)
    const { responses, draft } = await tabletResponses(page)
    expect(draft).toBe(false)
    // Found by language: the relaunched page's clock starts earlier than the one the test moved on, and ids are time-ordered.
    expect(responses.find((r) => r.payload.language === 'ar')?.payload).toMatchObject({ completion: 'partial', answers: [{ questionId: 'satisfaction' }] })
  })

  it('leaves only with the operator PIN, and locks the exit after five wrong ones, across a reload', async () => {
    await beginSurvey(page, 'it')
    // A visitor who reads: not flagged as answered too fast, so the results count it.
    await page.clock.runFor(3_000)
    await completeSurvey(page)
    await page.locator('.kiosk-thanks button').click()
    await typeExitPin(page, '1111')
    await page.getByText('PIN errato. Tentativi rimasti: 4.').waitFor()
    expect(await violations(page)).toEqual([])
    for (let i = 0; i < 4; i++) await typeExitPin(page, '1111')
    await page.getByText(/Troppi tentativi/).waitFor()
    await page.reload()
    await expect.poll(() => kioskStep(page), SLOW).toBe('attract')
    await page.getByTestId('kiosk-exit-control').click()
    await page.getByText(/Troppi tentativi/).waitFor()
    expect(await page.locator('#kiosk-exit-pin').isDisabled()).toBe(true)
    expect(page.url()).toContain('/kiosk')
    await page.getByRole('button', { name: 'Annulla' }).click()
    await page.clock.runFor('05:01')
    await typeExitPin(page, '2468')
    await page.waitForURL(/\/surveys$/)
    // The operator's screen counts this tablet's responses today: one complete, two partial
    // (kept). The results leave out the one answered too fast (the Arabic partial of the
    // killed tablet, answered at once): two.
    await expect.poll(() => page.getByTestId('responses-today').first().textContent(), SLOW).toBe('3')
    expect(await page.getByTestId('responses-tablet').first().textContent()).toBe('2')
  })

  it('sends the responses taken offline exactly once, even when the first answer is lost', async () => {
    const { responses } = await tabletResponses(page)
    expect((await tabletState(page)).queued).toBe(responses.length)
    proxy.queueFaults('drop-response')
    await tablet.context!.setOffline(false)
    await syncNow(page, proxy.url)
    await expect.poll(async () => (await tabletState(page)).queued, { timeout: 30_000, interval: 250 }).toBe(0)
    const stored = serverFactIds(server, await tabletDeviceId(page))
    expect(stored.length).toBe(new Set(stored).size)
    for (const r of responses) expect(stored.filter((id) => id === r.id)).toHaveLength(1)
  })
})
