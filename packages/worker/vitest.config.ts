import { defineProject } from "vitest/config";
export default defineProject({
  test: { name: "worker", include: ["src/**/*.test.ts", "test/**/*.test.ts"], environment: "node", setupFiles: ["../../test/support/fixedFastCheckSeed.ts"], testTimeout: 20_000 },
});
