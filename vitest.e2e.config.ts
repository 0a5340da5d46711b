import { defineConfig } from 'vitest/config';

// End-to-end tests: real headless Chromium and Firefox ESR with the built extension (tests/e2e/harness.ts).
// One file at a time: each file owns two browsers and the machine may have only 2 cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    // Generous: a healthy test takes seconds, but a shared 2-core machine can be many times slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
