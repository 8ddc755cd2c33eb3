import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path'

/**
 * A real Chromium process on an on-disk profile, driven over CDP. Unlike Playwright's own
 * launch, we own the process, so a test can SIGKILL it like a tablet's browser being killed
 * and relaunch it on the same profile.
 */
export class Tablet {
  readonly profileDir: string
  private process?: ChildProcess
  browser?: Browser
  context?: BrowserContext

  /** `executable` defaults to the resolved browser (chromium-path.ts); a test may pin another. */
  constructor(
    profileDir = mkdtempSync(join(tmpdir(), 'corner-profile-')),
    private readonly executable?: string,
  ) {
    this.profileDir = profileDir
  }

  async launch(): Promise<BrowserContext> {
    const child = spawn(this.executable ?? chromiumPath(), [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${this.profileDir}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so kill() takes down the renderers and the GPU/utility processes too.
      detached: true,
    })
    this.process = child
    const wsUrl = await new Promise<string>((resolve, reject) => {
      let seen = ''
      const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen.slice(-500)}`)), 30_000)
      child.stderr?.on('data', (chunk: Buffer) => {
        seen += chunk.toString()
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
      child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}: ${seen.slice(-500)}`)))
    })
    this.browser = await chromium.connectOverCDP(wsUrl)
    const context = this.browser.contexts()[0]
    if (!context) throw new Error('Chromium has no default context')
    this.context = context
    return context
  }

  /** The tab, sized like a 10-inch tablet in landscape. */
  async page(): Promise<Page> {
    if (!this.context) throw new Error('launch() first')
    const page = this.context.pages()[0] ?? (await this.context.newPage())
    await page.setViewportSize({ width: 1280, height: 800 })
    return page
  }

  /** SIGKILL: no shutdown, no flush; only what IndexedDB already committed survives. */
  async kill(): Promise<void> {
    const child = this.process
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid!, 'SIGKILL')
    await exited
    // Children of the group may outlive the parent by a few milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 300))
    this.browser = undefined
    this.context = undefined
  }

  /** Closes Chromium as its window's close button would: it writes what it keeps (localStorage) first. */
  async shutDown(): Promise<void> {
    const child = this.process
    if (!child || child.exitCode !== null || !this.browser) return this.kill()
    const exited = new Promise((resolve) => child.once('exit', resolve))
    const session = await this.browser.newBrowserCDPSession()
    await session.send('Browser.close').catch(() => undefined)
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    await this.kill()
  }

  async close(removeProfile = true): Promise<void> {
    await this.browser?.close().catch(() => undefined)
    await this.kill()
    if (removeProfile) rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  }
}
