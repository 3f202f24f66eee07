import { describe, expect, it } from "vitest";
import { erlangA } from "./erlangA.js";
import { erlangC } from "./erlangC.js";
import { grossUp, MAX_SOLVED_AGENTS, solveAgents } from "./solveAgents.js";

/** The fewest agents by walking up one at a time: slow but obviously right. */
function linearScan(meets: (agents: number) => boolean): number {
  let agents = 1;
  while (!meets(agents)) agents++;
  return agents;
}

describe("solveAgents agrees with a one-by-one scan", () => {
  const loads = [0.3, 1, 2.5, 7, 10, 23.4, 48, 101];
  it.each(loads)("Erlang C at %s erlangs, SL 80/20", (load) => {
    const traffic = { arrivalRatePerSec: load / 240, ahtSec: 240, targetAnswerSec: 20 };
    const expected = linearScan((agents) => (erlangC({ ...traffic, agents }).serviceLevel ?? -1) >= 0.8);
    expect(solveAgents({ ...traffic, model: "c", targetServiceLevel: 0.8 }).agents).toBe(expected);
  });
  it.each(loads)("Erlang A at %s erlangs, SL 90/15 in both conventions", (load) => {
    const traffic = { arrivalRatePerSec: load / 240, ahtSec: 240, patienceSec: 90, targetAnswerSec: 15 };
    const answered = linearScan((agents) => erlangA({ ...traffic, agents }).serviceLevel! >= 0.9);
    const waited = linearScan((agents) => erlangA({ ...traffic, agents }).serviceLevelWaitWithin! >= 0.9);
    expect(solveAgents({ ...traffic, model: "a", targetServiceLevel: 0.9 }).agents).toBe(answered);
    expect(solveAgents({ ...traffic, model: "a", targetServiceLevel: 0.9, convention: "waitWithin" }).agents).toBe(waited);
  });
});

it("solveAgents returns the KPIs of the agents it chose", () => {
  const traffic = { arrivalRatePerSec: 100 / 1800, ahtSec: 180, targetAnswerSec: 20 };
  const r = solveAgents({ ...traffic, model: "c", targetServiceLevel: 0.8 });
  expect(r).toEqual({ ...erlangC({ ...traffic, agents: 14 }), scheduledAgents: 14, targetMet: true });
});

it("solveAgents adds agents until occupancy is under the cap", () => {
  // 14 agents give SL 0.888 at occupancy 10/14 = 0.714; a cap of 0.7 needs 15 (0.667).
  const r = solveAgents({ arrivalRatePerSec: 100 / 1800, ahtSec: 180, model: "c", targetServiceLevel: 0.8, maxOccupancy: 0.7 });
  expect(r.agents).toBe(15);
  expect(r.occupancy!).toBeLessThanOrEqual(0.7);
  const exact = solveAgents({ arrivalRatePerSec: 100 / 1800, ahtSec: 180, model: "c", targetServiceLevel: 0, maxOccupancy: 10 / 16 });
  expect(exact.agents).toBe(16);
});

it("solveAgents grosses up for shrinkage without rounding 7 / 0.7 up to 11", () => {
  const r = solveAgents({ arrivalRatePerSec: 100 / 1800, ahtSec: 180, model: "c", targetServiceLevel: 0.8, shrinkage: 0.3 });
  expect(r.agents).toBe(14);
  expect(r.scheduledAgents).toBe(20);
  expect(grossUp(7, 0.3)).toBe(10);
  expect(grossUp(7, 0.35)).toBe(11);
  expect(grossUp(0, 0.5)).toBe(0);
});

it("solveAgents needs fewer agents with Erlang A than with Erlang C, abandonment relieving the queue", () => {
  const traffic = { arrivalRatePerSec: 12_000 / 3600, ahtSec: 300, targetAnswerSec: 15, targetServiceLevel: 0.85 };
  const c = solveAgents({ ...traffic, model: "c" });
  const a = solveAgents({ ...traffic, model: "a", patienceSec: 120 });
  expect(a.agents).toBe(943);
  expect(c.agents).toBeGreaterThan(a.agents);
});

it("solveAgents at 19,000 erlangs (its speed: bench/queueing.mjs)", () => {
  const c = solveAgents({ arrivalRatePerSec: 19_000 / 300, ahtSec: 300, model: "c", targetServiceLevel: 0.9 });
  const a = solveAgents({ arrivalRatePerSec: 19_000 / 300, ahtSec: 300, patienceSec: 200, model: "a", targetServiceLevel: 0.9 });
  expect(c.agents).toBeGreaterThan(19_000);
  expect(c.agents).toBeLessThan(19_200);
  expect(a.agents).toBeLessThanOrEqual(c.agents);
  expect(erlangC({ arrivalRatePerSec: 19_000 / 300, ahtSec: 300, agents: c.agents - 1 }).serviceLevel!).toBeLessThan(0.9);
});

describe("solveAgents when the target is out of reach", () => {
  it("Erlang A never answers everyone: target 1.0 stops at 20,000 agents with targetMet false", () => {
    const r = solveAgents({ arrivalRatePerSec: 0.05, ahtSec: 180, patienceSec: 300, model: "a", targetServiceLevel: 1 });
    expect(r).toMatchObject({ agents: MAX_SOLVED_AGENTS, targetMet: false, scheduledAgents: MAX_SOLVED_AGENTS });
  });
  it("Erlang C never answers everyone within t either, though its service level rounds to 1", () => {
    const r = solveAgents({ arrivalRatePerSec: 0.05, ahtSec: 180, model: "c", targetServiceLevel: 1 });
    expect(r).toMatchObject({ agents: MAX_SOLVED_AGENTS, targetMet: false });
  });
  it("a load beyond 20,000 erlangs leaves Erlang C unstable at the cap", () => {
    const r = solveAgents({ arrivalRatePerSec: 100, ahtSec: 300, model: "c", targetServiceLevel: 0.8 });
    expect(r).toMatchObject({ agents: MAX_SOLVED_AGENTS, targetMet: false, stable: false, serviceLevel: null });
  });
});

it("solveAgents with no arrivals staffs nobody", () => {
  expect(solveAgents({ arrivalRatePerSec: 0, ahtSec: 300, model: "c", targetServiceLevel: 0.8, shrinkage: 0.3 })).toEqual({
    model: "c", offeredLoad: 0, agents: 0, stable: true, probWait: 0, probAbandon: null, asa: null, meanWaitAll: null,
    serviceLevel: null, serviceLevelWaitWithin: null, serviceLevelOfAnswered: null, occupancy: null, meanQueueLength: 0,
    scheduledAgents: 0, targetMet: true,
  });
});

it("solveAgents with target 0 still answers with at least one agent, and Erlang C with n > A", () => {
  expect(solveAgents({ arrivalRatePerSec: 0.001, ahtSec: 60, model: "a", patienceSec: 60, targetServiceLevel: 0 }).agents).toBe(1);
  expect(solveAgents({ arrivalRatePerSec: 5 / 60, ahtSec: 60, model: "c", targetServiceLevel: 0 }).agents).toBe(6);
});

it("solveAgents rejects bad options with a message", () => {
  const ok = { arrivalRatePerSec: 0.1, ahtSec: 100, model: "c" as const, targetServiceLevel: 0.8 };
  expect(() => solveAgents({ ...ok, targetServiceLevel: 80 })).toThrow("invalid targetServiceLevel: 80; expected a fraction from 0 to 1");
  expect(() => solveAgents({ ...ok, maxOccupancy: 0 })).toThrow("invalid maxOccupancy: 0");
  expect(() => solveAgents({ ...ok, maxOccupancy: 1.2 })).toThrow("invalid maxOccupancy: 1.2");
  expect(() => solveAgents({ ...ok, shrinkage: 1 })).toThrow("invalid shrinkage: 1; expected a fraction from 0 to less than 1");
  expect(() => solveAgents({ ...ok, model: "b" as never })).toThrow('invalid model: "b"; expected "c" or "a"');
  expect(() => solveAgents({ ...ok, convention: "within" as never })).toThrow('invalid convention: "within"');
  expect(() => solveAgents({ ...ok, model: "a" })).toThrow("invalid patienceSec: undefined");
});
