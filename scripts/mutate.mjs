// `npm run mutate [folder…]`: Stryker over each folder of stryker.config.mjs in turn (or the
// ones named), then the mutation score per folder from their JSON reports.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { FOLDERS } from '../stryker.config.mjs'

const asked = process.argv.slice(2)
const folders = asked.length ? asked : FOLDERS
const unknown = folders.filter((f) => !FOLDERS.includes(f))
if (unknown.length) {
  console.error(`Not a mutated folder: ${unknown.join(', ')} (one of ${FOLDERS.join(', ')})`)
  process.exit(2)
}

let failed = false
for (const folder of folders) {
  console.log(`\n▶ stryker run on ${folder}`)
  const run = spawnSync('npx', ['stryker', 'run'], { stdio: 'inherit', env: { ...process.env, MUTATE_FOLDER: folder } })
  if (run.status !== 0) failed = true
}

/** Stryker's own score: killed + timed out over everything but ignored and compile errors. */
function score(file) {
  const counts = {}
  for (const { mutants } of Object.values(JSON.parse(readFileSync(file, 'utf8')).files)) {
    for (const { status } of mutants) counts[status] = (counts[status] ?? 0) + 1
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0)
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0)
  return { detected, valid, counts }
}

console.log('\nfolder | score | killed+timeout / valid | survived | no coverage')
for (const folder of FOLDERS) {
  const file = `reports/mutation/${folder.replaceAll('/', '-')}.json`
  if (!existsSync(file)) continue
  const { detected, valid, counts } = score(file)
  const pct = valid ? ((100 * detected) / valid).toFixed(1) : '-'
  console.log(`${folder} | ${pct} % | ${detected} / ${valid} | ${counts.Survived ?? 0} | ${counts.NoCoverage ?? 0}`)
}
process.exit(failed ? 1 : 0)
