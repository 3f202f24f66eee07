import { defineConfig } from "vitest/config";

/** One vitest run over every workspace, so `npm test` ends with a single summary line. */
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "test/vitest.config.ts"],
  },
});
