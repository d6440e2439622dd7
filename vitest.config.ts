import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    // Tests that spawn the built CLI share dist/; `npm test` builds it first.
    pool: 'forks',
  },
});
