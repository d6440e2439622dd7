import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // The participant's page is imported as text (`?raw`); vitest would otherwise hand an
    // unprocessed stylesheet over as an empty string.
    css: { include: [/src\/web\/assets\//] },
    testTimeout: 30_000,
    // Tests that spawn the built CLI share dist/; `npm test` builds it first.
    pool: 'forks',
  },
});
