import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// The tests `npm run mutate` runs against each mutant (stryker.config.json): the unit project
// and the integration files that drive the sync and device code. The e2e project is left out:
// its browser talks to a built server that never carries the mutant.
const integrationFiles = [
  'client-compat', 'contact-counts', 'coordinator-and-enrolment', 'durability', 'enrolment-binding',
  'protocol-compat', 'push-batches', 'push-rules', 'survey-responses', 'sync-pull', 'sync-push', 'sync-randomised',
  'unauthenticated-cost',
]

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [vue()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: integrationFiles.map((name) => `tests/integration/${name}.test.ts`),
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
