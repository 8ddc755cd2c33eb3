import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppServer } from './support/app-server'
import { Coordinator, serverFactIds } from './support/central'
import { FaultProxy } from './support/fault-proxy'
import { enrolAndOpenEvent, expectConverged, syncNow, tap } from './support/sync-flow'
import { Tablet } from './support/browser'
import { tabletDeviceId, tabletState } from './support/tablet-data'

const DAY = 24 * 60 * 60 * 1000

describe('sync: every fact arrives exactly once, whatever the network does', () => {
  const server = new AppServer()
  const proxy = new FaultProxy(() => server.port)
  const coordinator = new Coordinator(server)
  let tablet: Tablet
  let page: Page

  beforeAll(async () => {
    await server.start()
    await proxy.start()
    await coordinator.login()
  })
  afterEach(async () => {
    await tablet?.close()
    // One failed kill-and-restart test must not take every later test down with it.
    if (!server.running) await server.start()
  })
  afterAll(async () => {
    await proxy.stop()
    await server.dispose()
  })

  async function newTablet(initScript?: string): Promise<Page> {
    tablet = new Tablet()
    const context = await tablet.launch()
    if (initScript) await context.addInitScript(initScript)
    page = await tablet.page()
    return page
  }

  it('sends taps made offline once the network is back, each exactly once', async () => {
    await newTablet()
    await enrolAndOpenEvent(page, proxy.url, coordinator, 'Offline poi online')
    // The new event goes up on its own a moment later, sometimes before the next line ran: wait
    // for it, so that what is queued offline is exactly the 10 taps, however fast the browser.
    await expect.poll(async () => (await tabletState(page)).queued, { timeout: 30_000 }).toBe(0)
    await tablet.context!.setOffline(true)
    await tap(page, 10)
    expect((await tabletState(page)).queued).toBe(10)
    await tablet.context!.setOffline(false)
    await expectConverged(page, server)
    // Online, the tap screen shows the event's total across all tablets, from the server.
    await page.reload()
    await expect.poll(() => page.getByTestId('count-all-tablets').textContent(), { timeout: 15_000 }).toBe('10')
  })

  it('makes no duplicate when the answer is lost after the server committed', async () => {
    await newTablet()
    await enrolAndOpenEvent(page, proxy.url, coordinator, 'Risposta persa')
    const faulted = proxy.pushes.faulted
    proxy.queueFaults('drop-response', 'drop-response')
    await tap(page, 6)
    await expectConverged(page, server)
    expect(proxy.pushes.faulted - faulted).toBe(2)
  })

  it('loses nothing when the server is killed right after a commit, and converges after restart', async () => {
    await newTablet()
    await enrolAndOpenEvent(page, proxy.url, coordinator, 'Server ucciso')
    // Set once the process has exited, not when the kill starts: a restart before that would
    // find the port still taken.
    let killed = false
    proxy.afterCommit = async () => {
      await server.stop('SIGKILL')
      killed = true
    }
    proxy.queueFaults('after-commit')
    await tap(page, 5)
    // The next push may be the new event's (sent as its tap screen opens) or the taps' (sent
    // a moment after the last one): either way the server dies right after committing it.
    // A waiting time of its own, far over a loaded machine's: a miss here would leave the
    // server down for every later test of the file.
    await expect.poll(() => killed, { timeout: 60_000, interval: 100 }).toBe(true)
    await server.start()
    await syncNow(page, proxy.url)
    await expectConverged(page, server)
  })

  it('keeps facts written during an in-flight push queued until they are acknowledged', async () => {
    await newTablet()
    await enrolAndOpenEvent(page, proxy.url, coordinator, 'Push in volo')
    await expectConverged(page, server)
    proxy.queueFaults('hold', 'hold')
    await tap(page, 2)
    await expect.poll(() => proxy.heldCount, { timeout: 15_000 }).toBe(1)
    await tap(page, 3, 'alcohol')
    proxy.release(1)
    // The first batch is acknowledged; the three taps made meanwhile are in the next, held push.
    await expect.poll(() => proxy.heldCount, { timeout: 15_000 }).toBe(1)
    expect((await tabletState(page)).queued).toBe(3)
    proxy.release()
    await expectConverged(page, server)
  })

  it('never duplicates with two tabs tapping and syncing on one tablet', async () => {
    await newTablet()
    const eventUrl = await enrolAndOpenEvent(page, proxy.url, coordinator, 'Due schede')
    const second = await tablet.context!.newPage()
    await second.setViewportSize({ width: 1280, height: 800 })
    await second.goto(eventUrl)
    for (let round = 0; round < 5; round++) {
      await tap(page, 1)
      await tap(second, 1, 'nutrition')
    }
    await expectConverged(page, server)
    await second.close()
  })

  it.each([3, -3])('gives the same result with the tablet clock %i days off', async (days) => {
    const skew = `{
      const offset = ${days * DAY}; const RealDate = Date
      class SkewedDate extends RealDate { constructor(...args) { super(...(args.length ? args : [RealDate.now() + offset])) } static now() { return RealDate.now() + offset } }
      globalThis.Date = SkewedDate
    }`
    await newTablet(skew)
    await enrolAndOpenEvent(page, proxy.url, coordinator, `Orologio ${days}`)
    const faulted = proxy.pushes.faulted
    proxy.queueFaults('drop-response')
    await tap(page, 4)
    await expectConverged(page, server)
    expect(proxy.pushes.faulted - faulted).toBe(1)
  })

  it('keeps the queue through a revocation and delivers it after re-enrolment', async () => {
    await newTablet()
    await enrolAndOpenEvent(page, proxy.url, coordinator, 'Revoca')
    await tap(page, 2)
    await expectConverged(page, server)
    await coordinator.revoke(await tabletDeviceId(page))
    await tap(page, 3)
    // The queued taps trigger a sync by themselves; it gets 401 and the tablet asks to enrol again.
    await page.goto(`${proxy.url}/settings`)
    await page.getByRole('alert').filter({ hasText: 'non riconosce più' }).waitFor()
    expect((await tabletState(page)).queued).toBe(3)
    const before = serverFactIds(server, await tabletDeviceId(page)).length
    // A code for new tablets is not valid for this one: it is known to the server.
    const { code: forNewTablets } = await coordinator.enrolmentCode()
    await page.getByTestId('enrol-code').fill(forNewTablets)
    await page.getByTestId('enrol-submit').click()
    await page.locator('#enrol-error').filter({ hasText: 'non valido per questo tablet' }).waitFor()
    // The coordinator restores it and issues a code for this tablet: same id, same queue.
    await coordinator.restore(await tabletDeviceId(page))
    const { code } = await coordinator.enrolmentCode(await tabletDeviceId(page))
    await page.getByTestId('enrol-code').fill(code)
    await page.getByTestId('enrol-submit').click()
    await expectConverged(page, server)
    expect(serverFactIds(server, await tabletDeviceId(page)).length).toBe(before + 3)
  })
})
