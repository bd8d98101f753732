import { defineConfig } from 'vitest/config';

// End-to-end: a real `socai` binary (env SOCAI_BIN) and Debian's chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
    // a page refreshes after a write or an as-of switch; on a loaded CI machine that
    // takes longer than expect.poll's default second
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
