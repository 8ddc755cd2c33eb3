// `npm run bench`: builds, then runs every benchmark in turn. Figures only: nothing here
// passes or fails on time. Results are written up in docs/performance.md.
import { spawnSync } from 'node:child_process'
import { tsImport } from 'tsx/esm/api'

// Browser figures depend on the browser: say which one, and hand it to every bench via CHROME_PATH.
const { describeChromium, resolveChromium } = await tsImport('../tests/e2e/support/chromium-path.ts', import.meta.url)
try {
  const browser = resolveChromium()
  console.log(describeChromium(browser))
  process.env.CHROME_PATH = browser.path
} catch (error) {
  console.log(`Browser: none. ${error.message}`)
}

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  if (result.status !== 0) console.log(`(${args.join(' ')} exited with ${result.status})`)
}

run('npm', ['run', '--silent', 'build'])
for (const bench of ['bundle-size', 'tap-latency', 'offline-relaunch', 'push-10k', 'server-ingest', 'server-concurrency', 'kiosk', 'phone-survey', 'landing', 'reports']) {
  console.log(`\n▶ bench/${bench}.ts`)
  run('npx', ['tsx', `bench/${bench}.ts`])
}
