// `npm test`: every check in order, then one plain closing line `N passed, N failed`.
// Steps keep running after a failure so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { tsImport } from 'tsx/esm/api'

// First line: the browser the e2e step will drive (CHROME_PATH, a system one, or the packaged
// fallback, unpacked here if needed). Found once; the e2e step gets it through CHROME_PATH.
const { describeChromium, resolveChromium } = await tsImport('../tests/e2e/support/chromium-path.ts', import.meta.url)
let noBrowser
try {
  const browser = resolveChromium()
  console.log(describeChromium(browser))
  process.env.CHROME_PATH = browser.path
} catch (error) {
  noBrowser = error.message
  console.log(`Browser: none. ${noBrowser}`)
}

const results = 'test-results'
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

const vitest = (project) => [
  'npx', 'vitest', 'run', '--project', project,
  '--reporter=default', '--reporter=json', `--outputFile.json=${results}/${project}.json`,
]
const steps = [
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['unit', vitest('unit')],
  ['integration', vitest('integration')],
  ['build', ['npm', 'run', '--silent', 'build']],
  ['e2e', vitest('e2e')],
]

let passed = 0
let failed = 0
let skipped = 0
const failedSteps = []
for (const [name, [command, ...args]] of steps) {
  if (name === 'e2e' && noBrowser) {
    // A failure, never a skip: the same one line as at the top.
    console.log(`\n✗ e2e not run. ${noBrowser}`)
    failed++
    failedSteps.push(name)
    continue
  }
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`)
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  const report = `${results}/${name}.json`
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    passed += json.numPassedTests
    failed += json.numFailedTests
    skipped += json.numPendingTests + json.numTodoTests
  } else {
    if (run.status === 0) passed++
    else failed++
  }
  if (run.status !== 0) failedSteps.push(name)
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`)
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failedSteps.length ? 1 : 0)
