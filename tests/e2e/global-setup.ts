import { existsSync } from 'node:fs'
import { describeChromium, resolveChromium } from './support/chromium-path'

/** An error that vitest prints as its message alone: the line says what to do, a stack would bury it. */
function fail(message: string): never {
  const error = new Error(message)
  error.stack = message
  throw error
}

/** Fails fast, with one line saying what to do, instead of skipping the browser tests. */
export default function setup(): void {
  let browser
  try {
    browser = resolveChromium()
  } catch (error) {
    fail((error as Error).message)
  }
  console.log(describeChromium(browser))
  // Workers are forked after this and inherit the env: they reuse this browser without looking again.
  process.env.CHROME_PATH = browser.path
  if (!existsSync('dist/index.html') || !existsSync('dist-server/server/server.js')) {
    fail('The app is not built: run `npm run build` first (npm test does it for you).')
  }
}
