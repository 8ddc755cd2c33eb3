import { existsSync } from 'node:fs'
import { chromiumPath } from './support/chromium-path'

/** Fails fast, with one line saying what to do, instead of skipping the browser tests. */
export default function setup(): void {
  chromiumPath()
  if (!existsSync('dist/index.html') || !existsSync('dist-server/server/server.js')) {
    throw new Error('The app is not built: run `npm run build` first (npm test does it for you).')
  }
}
