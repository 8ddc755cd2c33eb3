import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// The tests `npm run mutate` runs against each mutant (stryker.config.json): the unit project
// and the integration files that drive the sync and device code. The e2e project is left out:
// its browser talks to a built server that never carries the mutant.
// durability.test.ts is left out too: it kills a server in a process of its own, where no mutant is active.
const integrationFiles = [
  'client-compat', 'contact-counts', 'coordinator-and-enrolment', 'device-lifecycle', 'device-token-header', 'push-counting', 'enrolment-binding',
  'protocol-compat', 'pull-pages', 'push-batches', 'push-rules', 'survey-responses', 'sync-pull', 'sync-push', 'sync-randomised',
  'unauthenticated-cost',
]

// isolate: false: a mutant is switched on at run time (no module reload needed), and re-importing
// the server and jsdom for every file made each mutant cost several times its tests.
export default defineConfig({
  test: {
    isolate: false,
    projects: [
      {
        plugins: [vue()],
        test: {
          name: 'unit',
          isolate: false,
          include: ['tests/unit/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/setup.ts'],
          // Mutation runs share a busy machine: a slow unit test must not fail the initial run.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          isolate: false,
          include: integrationFiles.map((name) => `tests/integration/${name}.test.ts`),
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // SQLite only: the mutated code runs the same on both dialects, and each mutant costs
          // half the time. Fewer random runs of the property tests, for the same reason.
          env: { CORNER_TESTS_SQLITE_ONLY: '1', RANDOMISED_RUNS: '4' },
        },
      },
    ],
  },
})
