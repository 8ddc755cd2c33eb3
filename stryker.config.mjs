// `npm run mutate` (docs/reliability.md): mutation testing of the tablet's data and sync layers
// and the server's sync and device-auth code, against the unit tests and the sync integration
// tests (vitest.stryker.config.ts). Not part of `npm test` or CI: it takes hours on two cores.
// A subset: `npm run mutate -- --mutate src/app/sync/backoff.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: [
    'src/app/sync/**/*.ts',
    'src/app/db/**/*.ts',
    'src/server/sync/**/*.ts',
    'src/server/devices/**/*.ts',
  ],
  // Each mutant runs only the tests that reached it: the integration tests start real servers.
  coverageAnalysis: 'perTest',
  // Two cores shared with others; each runner also starts servers and PostgreSQL schemas.
  concurrency: 2,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 30,
  ignorePatterns: ['/dist', '/dist-server', '/data', '/coverage', '/test-results', '/.bench-tmp', '/reports', '/docs'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
}
