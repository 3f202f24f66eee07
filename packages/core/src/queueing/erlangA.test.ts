import { describe, expect, it } from "vitest";
import { erlangA, erlangAOfferedWaitTail } from "./erlangA.js";
import { erlangB } from "./erlangB.js";
import { erlangC } from "./erlangC.js";

const rel = (actual: number | null, expected: number): number => Math.abs(actual! - expected) / Math.abs(expected);
const center = { arrivalRatePerSec: 100 / 1800, ahtSec: 180, agents: 14, patienceSec: 300, targetAnswerSec: 20 };

describe("erlangA keeps its own identities", () => {
  const r = erlangA(center);
  it("meanWaitAll = probAbandon × patience (exponential patience)", () => {
    expect(rel(r.meanWaitAll, r.probAbandon! * 300)).toBeLessThan(1e-15);
  });
  it("meanQueueLength = λ × meanWaitAll (Little's law)", () => {
    expect(rel(r.meanQueueLength, (100 / 1800) * r.meanWaitAll!)).toBeLessThan(1e-15);
  });
  it("occupancy = A(1 − P(abandon))/n", () => {
    expect(rel(r.occupancy, (10 * (1 - r.probAbandon!)) / 14)).toBeLessThan(1e-14);
  });
  it("serviceLevel ≤ serviceLevelOfAnswered and ≤ serviceLevelWaitWithin", () => {
    expect(r.serviceLevel!).toBeLessThan(r.serviceLevelOfAnswered!);
    expect(r.serviceLevel!).toBeLessThan(r.serviceLevelWaitWithin!);
    expect(rel(r.serviceLevelOfAnswered, r.serviceLevel! / (1 - r.probAbandon!))).toBeLessThan(1e-14);
  });
  it("is always stable and labelled model a", () => {
    expect(r).toMatchObject({ model: "a", stable: true, offeredLoad: 10, agents: 14 });
  });
  it("the offered-wait tail at t = 0 is P(wait)", () => {
    expect(rel(erlangAOfferedWaitTail({ ...center, targetAnswerSec: 0 }), r.probWait!)).toBeLessThan(1e-14);
  });
});

it("erlangA approaches Erlang C as patience grows", () => {
  const a = erlangA({ ...center, patienceSec: 1e7 });
  const c = erlangC(center);
  expect(rel(a.probWait, c.probWait!)).toBeLessThan(1e-4);
  expect(rel(a.asa, c.asa!)).toBeLessThan(1e-4);
  expect(rel(a.serviceLevel, c.serviceLevel!)).toBeLessThan(1e-5);
  expect(a.probAbandon!).toBeLessThan(1e-5);
});

it("erlangA approaches Erlang B as patience shrinks: waiters hang up at once", () => {
  const a = erlangA({ ...center, patienceSec: 1e-9 });
  expect(rel(a.probWait, erlangB(14, 10))).toBeLessThan(1e-9);
  expect(rel(a.probAbandon, erlangB(14, 10))).toBeLessThan(1e-9);
});

it("erlangA with one agent at 10× load matches mpmath (M/M/1+M)", () => {
  const inputs = { arrivalRatePerSec: 0.1, ahtSec: 100, agents: 1, patienceSec: 50, targetAnswerSec: 10 };
  const r = erlangA(inputs);
  expect(rel(r.probWait, 0.99830015559934746)).toBeLessThan(1e-13);
  expect(rel(r.probAbandon, 0.90016998444006526)).toBeLessThan(1e-13);
  expect(rel(r.asa, 78.940023113432563)).toBeLessThan(1e-13);
  expect(rel(r.serviceLevel, 0.0040724268055786475)).toBeLessThan(1e-11);
  expect(rel(r.serviceLevelWaitWithin, 0.18483279992635994)).toBeLessThan(1e-13);
  expect(rel(erlangAOfferedWaitTail(inputs), 0.99564746653164697)).toBeLessThan(1e-13);
});

it("erlangA at 20,000 agents and occupancy 0.99 is accurate (mpmath reference; its speed: bench/queueing.mjs)", () => {
  const inputs = { arrivalRatePerSec: 66, ahtSec: 300, agents: 20_000, patienceSec: 300, targetAnswerSec: 20 };
  const r = erlangA(inputs);
  expect(rel(r.probWait, 0.078300495012177348)).toBeLessThan(1e-12);
  expect(rel(r.probAbandon, 0.00025031524470090286)).toBeLessThan(1e-12);
  expect(rel(r.asa, 0.074900752710383303)).toBeLessThan(1e-12);
  expect(rel(r.serviceLevel, 0.9997496847552991)).toBeLessThan(1e-14);
  expect(rel(erlangAOfferedWaitTail(inputs), 4.5639541636541723e-27)).toBeLessThan(1e-9);
});

it("erlangA stays finite at twice as much load as agents, with P(abandon) near 1 − n/A", () => {
  const r = erlangA({ arrivalRatePerSec: 2, ahtSec: 100, agents: 100, patienceSec: 60 });
  expect(r.stable).toBe(true);
  for (const value of Object.values(r)) if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  expect(r.probWait!).toBeGreaterThan(0.999999);
  expect(Math.abs(r.probAbandon! - 0.5)).toBeLessThan(0.01);
  expect(r.occupancy!).toBeLessThanOrEqual(1);
  expect(r.asa!).toBeGreaterThan(0);
});

it("erlangA with 0 agents: every caller waits and abandons", () => {
  const r = erlangA({ ...center, agents: 0 });
  expect(r).toMatchObject({
    probWait: 1, probAbandon: 1, meanWaitAll: 300, serviceLevel: 0, asa: null, serviceLevelOfAnswered: null, occupancy: null,
  });
  expect(rel(r.serviceLevelWaitWithin, -Math.expm1(-20 / 300))).toBeLessThan(1e-14);
  expect(rel(r.meanQueueLength, (100 / 1800) * 300)).toBeLessThan(1e-14);
});

it("erlangA with no arrivals: nobody waits", () => {
  expect(erlangA({ ...center, arrivalRatePerSec: 0 })).toMatchObject({
    probWait: 0, probAbandon: 0, asa: 0, meanWaitAll: 0, serviceLevel: 1, serviceLevelWaitWithin: 1, occupancy: 0, meanQueueLength: 0,
  });
});

it("erlangA improves with every added agent", () => {
  const inputs = { arrivalRatePerSec: 0.5, ahtSec: 60, patienceSec: 45, targetAnswerSec: 15 };
  let previous = erlangA({ ...inputs, agents: 1 });
  for (let agents = 2; agents <= 50; agents++) {
    const r = erlangA({ ...inputs, agents });
    expect(r.probWait!).toBeLessThan(previous.probWait!);
    expect(r.probAbandon!).toBeLessThan(previous.probAbandon!);
    expect(r.asa!).toBeLessThan(previous.asa!);
    expect(r.serviceLevel!).toBeGreaterThanOrEqual(previous.serviceLevel!);
    expect(r.serviceLevelWaitWithin!).toBeGreaterThanOrEqual(previous.serviceLevelWaitWithin!);
    expect(r.occupancy!).toBeLessThan(previous.occupancy!);
    previous = r;
  }
});

it("erlangA rejects a missing, non-positive or absurdly long patience with a message", () => {
  const { patienceSec: _, ...noPatience } = center;
  expect(() => erlangA(noPatience)).toThrow("invalid patienceSec: undefined; expected a finite number > 0");
  expect(() => erlangA({ ...center, patienceSec: 0 })).toThrow("invalid patienceSec: 0");
  expect(() => erlangA({ ...center, patienceSec: 1e300 })).toThrow(/invalid patienceSec: 1e\+300; expected at most .*use Erlang C/);
});
