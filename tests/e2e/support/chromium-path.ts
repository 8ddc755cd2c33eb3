import { existsSync } from 'node:fs'

/** The system Chromium (never a downloaded one): CHROME_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  const found = candidates.find((path) => existsSync(path))
  if (!found) {
    throw new Error('Chromium not found: run `apt-get install chromium` or set CHROME_PATH to a Chromium binary.')
  }
  return found
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
