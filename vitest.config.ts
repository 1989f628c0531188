// One runner for unit, integration and browser tests; a real PostgreSQL is started once per run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on CI's two cores. Most files
    // wait on processes, sockets and databases rather than compute, so two run side by side.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Browser and multi-process tests share two cores; one retry absorbs a timing hiccup, while a real
    // failure repeats and still fails the run.
    retry: 1,
    reporters: ['default'],
  },
});
