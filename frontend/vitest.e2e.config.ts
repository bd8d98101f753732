import { defineConfig } from 'vitest/config';

// End-to-end: a real `socai` binary (env SOCAI_BIN) and Debian's chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
  },
});
