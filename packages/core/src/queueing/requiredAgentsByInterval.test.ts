import { expect, it } from "vitest";
import { requiredAgentsByInterval } from "./requiredAgentsByInterval.js";
import { grossUp, solveAgents } from "./solveAgents.js";

const rule = { model: "c" as const, targetAnswerSec: 20, targetServiceLevel: 0.8, shrinkage: 0.3 };

it("requiredAgentsByInterval solves each interval like solveAgents, 0 where nothing arrives", () => {
  const rates = [0, 100 / 1800, 0.2, 0, 100 / 1800];
  const { agents, scheduledAgents } = requiredAgentsByInterval({ ...rule, arrivalRatePerSec: rates, ahtSec: 180 });
  expect(agents).toBeInstanceOf(Int32Array);
  expect(scheduledAgents).toBeInstanceOf(Int32Array);
  expect(Array.from(agents)).toEqual([0, 14, solveAgents({ ...rule, arrivalRatePerSec: 0.2, ahtSec: 180 }).agents, 0, 14]);
  expect(Array.from(scheduledAgents)).toEqual(Array.from(agents, (n) => grossUp(n, 0.3)));
});

it("requiredAgentsByInterval takes one handle time per interval", () => {
  const { agents } = requiredAgentsByInterval({ ...rule, arrivalRatePerSec: new Float64Array([0.05, 0.05]), ahtSec: [180, 360] });
  expect(agents[1]!).toBeGreaterThan(agents[0]!);
});

it("requiredAgentsByInterval staffs Erlang A with patience", () => {
  const { agents } = requiredAgentsByInterval({
    model: "a", arrivalRatePerSec: [12_000 / 3600], ahtSec: 300, patienceSec: 120, targetAnswerSec: 15, targetServiceLevel: 0.85,
    convention: "waitWithin",
  });
  expect(Array.from(agents)).toEqual([929]);
});

it("requiredAgentsByInterval staffs four weeks of 15-minute intervals (its speed: bench/queueing.mjs)", () => {
  const rates = Float64Array.from({ length: 4 * 7 * 96 }, (_, i) => (40 + 30 * Math.sin((i / 96) * 2 * Math.PI)) / 60);
  const { agents } = requiredAgentsByInterval({ ...rule, model: "a", patienceSec: 120, arrivalRatePerSec: rates, ahtSec: 300 });
  expect(agents.length).toBe(rates.length);
  expect(Math.min(...agents)).toBeGreaterThan(0);
});

it("requiredAgentsByInterval names the interval of a bad input", () => {
  expect(() => requiredAgentsByInterval({ ...rule, arrivalRatePerSec: [0.1, -1], ahtSec: 180 })).toThrow(
    "interval 1: invalid arrivalRatePerSec: -1; expected a finite number ≥ 0",
  );
  expect(() => requiredAgentsByInterval({ ...rule, arrivalRatePerSec: [0.1, 0.1], ahtSec: [180] })).toThrow(
    "invalid ahtSec: 1 values; expected one per interval (2) or a single number",
  );
  expect(() => requiredAgentsByInterval({ ...rule, arrivalRatePerSec: 3 as never, ahtSec: 180 })).toThrow("invalid arrivalRatePerSec: 3");
});
