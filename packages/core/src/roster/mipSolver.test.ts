import { describe, expect, it } from "vitest";
import { LpModel } from "./lpModel.js";
import { createSolverSession, solveMip, type HighsRuntime } from "./mipSolver.js";
import { loadTestHighs } from "./testing/highs.js";

const OPTIONS = { timeLimitSec: 10, mipRelGap: 0 };

// A small covering problem: fewest-cost whole numbers of three shift types covering four periods.
function coverModel(demand: number[]): LpModel {
  const model = new LpModel();
  const shifts = [
    { name: "early", cost: 3, covers: [0, 1] },
    { name: "late", cost: 3, covers: [2, 3] },
    { name: "long", cost: 5, covers: [0, 1, 2, 3] },
  ];
  const vars = shifts.map((shift) => model.addVariable(shift.name, { cost: shift.cost, integer: true }));
  demand.forEach((need, period) => {
    model.addConstraint(`p${period}`, shifts.flatMap((shift, s) => (shift.covers.includes(period) ? [[vars[s]!, 1] as const] : [])), { lower: need });
  });
  return model;
}

function bruteForce(demand: number[]): number {
  let best = Infinity;
  for (let early = 0; early <= 10; early++)
    for (let late = 0; late <= 10; late++)
      for (let long = 0; long <= 10; long++) {
        const cover = [early + long, early + long, late + long, late + long];
        if (cover.every((c, i) => c >= demand[i]!)) best = Math.min(best, 3 * early + 3 * late + 5 * long);
      }
  return best;
}

describe("solveMip", () => {
  it("finds the optimum enumeration finds, with a zero gap and its lower bound", async () => {
    const highs = await loadTestHighs();
    for (const demand of [[2, 3, 1, 4], [5, 5, 5, 5], [0, 1, 0, 1], [4, 0, 0, 3]]) {
      const solution = solveMip(highs, coverModel(demand), OPTIONS);
      expect(solution.status).toBe("optimal");
      expect(solution.objective).toBe(bruteForce(demand));
      expect(solution.lowerBound).toBeCloseTo(solution.objective, 6);
      expect(solution.gap).toBeLessThan(1e-9);
      expect([...solution.values].every(Number.isInteger)).toBe(true);
    }
  });

  it("reports an infeasible model as an answer, not an error", async () => {
    const model = new LpModel();
    const x = model.addVariable("x", { cost: 1, upper: 2, integer: true });
    model.addConstraint("need", [[x, 1]], { lower: 3 });
    const solution = solveMip(await loadTestHighs(), model, OPTIONS);
    expect(solution).toMatchObject({ status: "infeasible", feasible: false });
    expect(solution.objective).toBeNaN();
  });

  it("solves a continuous LP with its objective as the bound", async () => {
    const model = new LpModel();
    const x = model.addVariable("x", { cost: 2 });
    const y = model.addVariable("y", { cost: 3 });
    model.addConstraint("sum", [[x, 1], [y, 1]], { lower: 1.5 });
    model.addConstraint("ratio", [[x, 1], [y, -1]], { upper: 0.5 });
    const solution = solveMip(await loadTestHighs(), model, OPTIONS);
    expect(solution.status).toBe("optimal");
    expect(solution.objective).toBeCloseTo(3.5, 9); // x = 1, y = 0.5
    expect(solution.lowerBound).toBe(solution.objective);
  });
});

describe("createSolverSession", () => {
  it("loads the runtime once for many solves and again after an error", async () => {
    let loads = 0;
    let failNext = false;
    const session = createSolverSession(async () => {
      loads++;
      const real = await loadTestHighs();
      const runtime: HighsRuntime = {
        withModel(source, operation) {
          if (failNext) {
            failNext = false;
            throw new Error("RuntimeError: memory access out of bounds");
          }
          return real.withModel(source, operation);
        },
      };
      return runtime;
    });
    for (let i = 0; i < 3; i++) expect((await session.solve(coverModel([1, 2, 3, 4]), OPTIONS)).objective).toBe(bruteForce([1, 2, 3, 4]));
    expect(loads).toBe(1);
    failNext = true;
    await expect(session.solve(coverModel([1, 1, 1, 1]), OPTIONS)).rejects.toThrow(/out of bounds/);
    expect((await session.solve(coverModel([1, 1, 1, 1]), OPTIONS)).objective).toBe(bruteForce([1, 1, 1, 1]));
    expect(loads).toBe(2);
    expect(session.loads).toBe(2);
  });

  it("loads again after a failed load", async () => {
    let attempts = 0;
    const session = createSolverSession(async () => {
      attempts++;
      if (attempts === 1) throw new Error("fetch failed");
      return loadTestHighs();
    });
    await expect(session.solve(coverModel([1, 0, 0, 0]), OPTIONS)).rejects.toThrow(/fetch failed/);
    expect((await session.solve(coverModel([1, 0, 0, 0]), OPTIONS)).objective).toBe(3);
    expect(attempts).toBe(2);
  });
});
