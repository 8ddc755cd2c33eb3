// `npm run bench`: builds, then runs every benchmark in turn. Figures only: nothing here
// passes or fails on time. Results are written up in docs/performance.md.
import { spawnSync } from 'node:child_process'

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  if (result.status !== 0) console.log(`(${args.join(' ')} exited with ${result.status})`)
}

run('npm', ['run', '--silent', 'build'])
for (const bench of ['bundle-size', 'tap-latency', 'offline-relaunch', 'push-10k', 'server-ingest', 'server-concurrency']) {
  console.log(`\n▶ bench/${bench}.ts`)
  run('npx', ['tsx', `bench/${bench}.ts`])
}
