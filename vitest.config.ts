import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// One runner, three projects: `npm test` runs them in order through scripts/test.mjs.
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
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // expect.poll's own default (1 s) fails a browser wait on a busy machine for nothing.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Under CI a failed browser test runs once more, and the report says it was retried:
          // in one of four full runs on 2026-11-26 a page wait in accessibility-states (storage
          // that cannot be read) timed out, and it passes alone; not yet explained.
          retry: process.env.CI === 'true' ? 1 : 0,
        },
      },
    ],
  },
})
