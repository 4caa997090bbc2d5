import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Crawl tests bind loopback ports and spawn the CLI; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
  },
});
