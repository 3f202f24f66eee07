// The worker's one HiGHS runtime (what the page's roster worker and `ccplan roster` solve with) through 50 roster solves
// in a row: WebAssembly builds of HiGHS have failed after many calls in one instance (leaked file handles, a heap that
// only grows), and a roster search solves round after round, each round three HiGHS solves.
import { buildRosterModel, rosterShifts, shiftTemplateSchema, solveRoster, templateTimes } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import { solverSession } from "./solver.js";

// Two templates on one morning, staggered breaks: small enough that 50 roster solves (150 HiGHS solves) take seconds.
const templates = [
  { name: "Long", starts: { from: "08:00", to: "10:00", stepMinutes: 60 }, hours: 4, days: ["mon"], breaks: [{ minutes: 30, earliestAfterHours: 1.5, latestAfterHours: 2.5 }], breakStepMinutes: 30 },
  { name: "Short", starts: { from: "08:00", to: "12:00", stepMinutes: 60 }, hours: 2, days: ["mon"], costPerHour: 30 },
].map((template) => templateTimes(shiftTemplateSchema.parse(template)));

/** Three mornings' requirements, hour by hour from 08:00 to 14:00: `kind` more agents in every hour. */
function model(kind: number) {
  const required = new Float64Array(24);
  [2, 3, 5, 4, 3, 2].forEach((need, k) => (required[8 + k] = need + kind));
  return buildRosterModel({ days: ["mon"], intervalMinutes: 60, templates, costPerHour: [25, 30], locked: [], lockedCostPerHour: 25, requiredByInterval: required, shortfallPenaltyPerSlot: 10_000 });
}

describe("the worker's HiGHS session", () => {
  it("solves 50 rosters in a row on one runtime, each the same as the first of its kind, every interval covered", { timeout: 60_000 }, async () => {
    const models = [model(0), model(1), model(2)];
    const first: number[] = [];
    const loadsBefore = solverSession.loads;
    for (let solve = 0; solve < 50; solve++) {
      const kind = solve % 3;
      const built = models[kind]!;
      const solution = await solveRoster(solverSession, built, { timeLimitSec: 10, mipRelGap: 0 });
      expect(solution.feasible, `solve ${solve}`).toBe(true);
      first[kind] ??= solution.objective;
      expect(solution.objective, `solve ${solve}`).toBe(first[kind]);
      expect(built.shortfalls.every((short) => solution.values[short.variable] === 0), `solve ${solve}`).toBe(true);
      if (solve < 3) expect(rosterShifts({ model: built, templates, values: solution.values }).length).toBeGreaterThan(1);
    }
    expect(first[0]).toBeLessThan(first[1]!);
    expect(first[1]).toBeLessThan(first[2]!);
    expect(solverSession.loads - loadsBefore).toBeLessThanOrEqual(1);
  });
});
