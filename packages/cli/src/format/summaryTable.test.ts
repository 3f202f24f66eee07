import { expect, it } from "vitest";
import { summaryCells } from "./summaryTable.js";

it("summaryCells prints the mean, its 95% CI and the P10–P90 apart", () =>
  expect(summaryCells({ mean: 0.838, ci95: [0.804, 0.872], p10: 0.813, p50: 0.84, p90: 0.867, n: 5 }, "fraction")).toEqual(["83.8%", "80.4% to 87.2%", "81.3% to 86.7%", "5"]));

it("summaryCells says in words a figure every replication agrees on, never '18.06 to 18.06'", () =>
  expect(summaryCells({ mean: 18.06, ci95: [18.06, 18.06], p10: 18.06, p50: 18.06, p90: 18.06, n: 5 }, "agents")).toEqual(["18.06", "the same in all 5 replications", "no spread", "5"]));
