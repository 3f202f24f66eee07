import { defineProject } from "vitest/config";

/**
 * The web app's tests, run by the root `npm test` (one vitest run over every workspace, after `turbo run build`):
 * unit tests next to the code, and end-to-end tests that drive the built app in Debian's chromium.
 */
export default defineProject({
  test: {
    name: "web",
    include: ["src/**/*.test.ts", "e2e/**/*.test.ts"],
    environment: "node", setupFiles: ["../../test/support/fixedFastCheckSeed.ts"],
    // The browser test starts `vite preview` and chromium on a shared 2-core machine: be patient.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
