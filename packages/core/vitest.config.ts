import { defineProject } from "vitest/config";

// Simulation tests take seconds alone and longer while the rest of the suite shares the two cores.
export default defineProject({ test: { name: "core", include: ["src/**/*.test.ts"], environment: "node", setupFiles: ["../../test/support/fixedFastCheckSeed.ts"], testTimeout: 60_000 } });
