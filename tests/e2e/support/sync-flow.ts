import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { AppServer } from './app-server'
import { createEvent, waitForActiveServiceWorker } from './app-page'
import { serverFactIds, type Coordinator } from './central'
import { tabletDeviceId, tabletState } from './tablet-data'

/** First visit through `origin`, enrolment with a fresh code, and a new event on the tablet. */
export async function enrolAndOpenEvent(page: Page, origin: string, coordinator: Coordinator, eventName: string): Promise<string> {
  await page.goto(origin)
  await waitForActiveServiceWorker(page)
  const { code } = await coordinator.enrolmentCode()
  await page.goto(`${origin}/enrol?code=${code}`)
  await page.getByTestId('enrol-submit').click()
  await page.getByTestId('enrol-done').waitFor()
  await page.goto(origin)
  await createEvent(page, eventName)
  return page.url()
}

export async function tap(page: Page, times: number, topic = 'smoking'): Promise<void> {
  const count = async () => Number(await page.getByTestId('count-event').textContent())
  for (let i = 0; i < times; i++) {
    // Read once the counter has loaded (it shows "…" until then), or the wait below compares with NaN.
    await expect.poll(count, { timeout: 15_000 }).not.toBeNaN()
    const before = await count()
    await page.locator(`[data-topic="${topic}"]`).click()
    // The counter moves after a strict IndexedDB commit: seconds on a loaded machine.
    await expect.poll(count, { timeout: 15_000 }).toBe(before + 1)
  }
}

/** Waits until the tablet's queue is empty, then checks the server holds each fact exactly once. */
export async function expectConverged(page: Page, server: AppServer, expectedFacts?: number): Promise<void> {
  await expect.poll(async () => (await tabletState(page)).queued, { timeout: 30_000, interval: 250 }).toBe(0)
  const tablet = (await tabletState(page)).factIds
  const stored = serverFactIds(server, await tabletDeviceId(page))
  expect(stored.length).toBe(new Set(stored).size)
  expect(new Set(stored)).toEqual(new Set(tablet))
  if (expectedFacts !== undefined) expect(stored).toHaveLength(expectedFacts)
}

/** Opens the settings screen and presses "sync now" (manual syncs ignore the backoff). */
export async function syncNow(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/settings`)
  await page.getByTestId('sync-now').click()
}
