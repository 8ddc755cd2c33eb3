import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The browser the e2e tests and benches drive. Order and arguments: docs/testing.md. */
export interface ResolvedChromium {
  path: string
  version: string
  source: 'CHROME_PATH' | 'system' | 'packaged'
}

const HELP = 'set CHROME_PATH to a Chromium/Chrome binary, or run `npm ci` to get the packaged @sparticuz/chromium'
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
const MAC_APPS = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium']

/** First line of `<binary> --version`, or why it does not run (absent, not executable, a library missing). */
function versionOf(path: string, env = process.env): { version?: string; error: string } {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', env, timeout: 30_000 })
  const version = run.status === 0 ? run.stdout.trim().split('\n')[0] : undefined
  const error = run.error?.message || run.stderr?.trim().split('\n').at(-1) || `exit ${run.status}`
  return { version: version && /\d+\.\d+/.test(version) ? version : undefined, error }
}

function systemCandidates(): string[] {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => SYSTEM_NAMES.map((name) => join(dir, name)))
  return [...onPath, ...MAC_APPS].filter((path) => existsSync(path))
}

/** A launcher script: the package's fonts always, its NSS/NSPR/expat copies only where the system lacks them. */
function launcher(libs: boolean): string {
  return [
    '#!/bin/sh',
    'here=$(cd "$(dirname "$0")" && pwd)',
    'export FONTCONFIG_FILE="$here/fonts.conf"',
    libs ? 'export LD_LIBRARY_PATH="$here/al2023/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"' : '',
    'exec "$here/chromium" "$@"\n',
  ]
    .filter(Boolean)
    .join('\n')
}

// The system's font configuration plus the package's Open Sans: on a machine with no fonts at all,
// text in a fallback font would be laid out at width 0 and Playwright could not click it. Our
// cache directory comes first, so fontconfig writes there and not into the system's.
function fontsConf(dir: string): string {
  const xml = (path: string) => path.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <cachedir>${xml(join(dir, 'fonts-cache'))}</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${xml(join(dir, 'fonts', 'fonts'))}</dir>
</fontconfig>
`
}

/** Unpacks into a private folder, then renames it into place, so a killed or concurrent run never leaves half a browser. */
function unpack(packageDir: string, dir: string): void {
  const partial = `${dir}.partial-${process.pid}`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  try {
    // The package inflates into os.tmpdir(): a child whose TMPDIR is our folder keeps the files per
    // version, next to node_modules (not a shared, maybe noexec /tmp), and leaves our env alone.
    const entry = pathToFileURL(join(packageDir, 'build', 'index.js')).href
    const script = `const { default: C, inflate } = await import(${JSON.stringify(entry)});
      await C.executablePath(); await inflate(${JSON.stringify(join(packageDir, 'bin', 'al2023.tar.br'))})`
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TMPDIR: partial } })
    if (run.status !== 0) throw new Error(`unpacking failed: ${run.stderr.trim().split('\n').at(-1) || run.error?.message || `exit ${run.status}`}`)
    writeFileSync(join(partial, 'fonts.conf'), fontsConf(dir)) // paths after the rename below
    const binary = join(partial, 'chromium')
    let { version, error } = versionOf(binary)
    const needsLibs = !version && /error while loading shared libraries/.test(error)
    if (needsLibs) ({ version, error } = versionOf(binary, { ...process.env, LD_LIBRARY_PATH: join(partial, 'al2023', 'lib') }))
    if (!version) throw new Error(`its Chromium does not run here: ${error}`)
    writeFileSync(join(partial, 'chromium.sh'), launcher(needsLibs))
    chmodSync(join(partial, 'chromium.sh'), 0o755)
    try {
      renameSync(partial, dir)
    } catch (renameError) {
      if (!existsSync(join(dir, 'chromium.sh'))) throw renameError // else another run got there first
    }
  } finally {
    rmSync(partial, { recursive: true, force: true })
  }
}

/** The Chromium binary that @sparticuz/chromium ships, unpacked once per version under node_modules/.cache. */
export function packagedChromium(): ResolvedChromium {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`No Chromium found, and @sparticuz/chromium only ships one for linux-x64: set CHROME_PATH to a Chromium/Chrome binary.`)
  }
  let packageDir: string
  try {
    packageDir = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..')
  } catch {
    throw new Error(`No Chromium found: ${HELP}.`)
  }
  const { version: packageVersion } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  const dir = join(packageDir, '..', '..', '.cache', `sparticuz-chromium-${packageVersion}`)
  const path = join(dir, 'chromium.sh')
  try {
    if (!existsSync(path)) unpack(packageDir, dir)
  } catch (error) {
    throw new Error(`No system Chromium, and @sparticuz/chromium ${packageVersion} could not be used (${(error as Error).message}): ${HELP}.`, { cause: error })
  }
  const { version, error } = versionOf(path)
  if (!version) throw new Error(`No system Chromium, and ${path} does not run (${error}): delete ${dir} and retry, or ${HELP}.`)
  return { path, version, source: 'packaged' }
}

let resolved: ResolvedChromium | undefined

/** CHROME_PATH if set (it must run: no silent switch to another browser); else a system Chromium/Chrome; else the packaged one. */
export function resolveChromium(): ResolvedChromium {
  if (resolved) return resolved
  const chosen = process.env.CHROME_PATH
  if (chosen) {
    const { version, error } = versionOf(chosen)
    if (!version) throw new Error(`CHROME_PATH=${chosen} does not run (${error}): point it at a Chromium/Chrome binary, or unset it to use the system or packaged one.`)
    return (resolved = { path: chosen, version, source: 'CHROME_PATH' })
  }
  for (const path of systemCandidates()) {
    const { version } = versionOf(path)
    if (version) return (resolved = { path, version, source: 'system' })
  }
  return (resolved = packagedChromium())
}

export function chromiumPath(): string {
  return resolveChromium().path
}

/** One line for logs: which browser, where, which version. */
export function describeChromium({ path, version, source }: ResolvedChromium): string {
  return `Browser: ${version} — ${path} (${source === 'packaged' ? 'packaged @sparticuz/chromium' : source})`
}

/** The same for every browser, system or packaged; why each one: docs/testing.md. */
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
