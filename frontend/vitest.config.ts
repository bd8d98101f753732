import { defineConfig } from 'vitest/config';

// Unit tests only; the end-to-end test has its own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
