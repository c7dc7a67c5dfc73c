import { defineConfig } from 'vitest/config';

/** Browser tests: the built app (vite preview) driven in Debian's Chromium by playwright-core. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // a poll waits as long as a busy 2-core machine may need (the default is 1 s)
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
