// Mutation testing of the tablet's data and sync layers and the server's sync and device-auth
// code, against the unit tests and the sync integration tests (vitest.stryker.config.ts).
// Run through `npm run mutate` (scripts/mutate.mjs: one folder at a time, MUTATE_FOLDER).
// Not part of `npm test` or CI: it takes hours on two cores.
export const FOLDERS = ['src/app/sync', 'src/app/db', 'src/server/sync', 'src/server/devices']
const folder = process.env.MUTATE_FOLDER
const report = folder ? folder.replaceAll('/', '-') : 'all'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: (folder ? [folder] : FOLDERS).map((f) => `${f}/**/*.ts`),
  // Each mutant runs only the tests that reached it: the integration tests start real servers.
  coverageAnalysis: 'perTest',
  // Two cores shared with others; each runner also starts servers and PostgreSQL schemas.
  // MUTATE_CONCURRENCY=1 on a machine others are using (or `npx stryker run --concurrency 1`).
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 30,
  ignorePatterns: ['/dist', '/dist-server', '/data', '/coverage', '/test-results', '/.bench-tmp', '/reports', '/docs'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${report}.html` },
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
}
