/** Unit tests for `npm run mutate` (StrykerJS): in-process only — the build-guard tests spawn astro, which mutants never reach. */
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/build-guards.test.ts'],
    testTimeout: 60_000,
  },
});
