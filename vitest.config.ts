import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share their worker's loaded modules (each file still gets fresh state from its own hooks): the import cost of every file was a fifth of the run.
    isolate: false,
    // One file per core. The fixture stores are tiny: a second DuckDB thread per store only adds
    // hand-offs (about a fifth of the suite's CPU), so the stores and the commands the tests start use one.
    maxWorkers: 2,
    env: { REPLYBENCH_THREADS: '1' },
  },
});
