import { describe, expect, it } from "vitest";
import { erlangC } from "./erlangC.js";

const rel = (actual: number | null, expected: number): number => Math.abs(actual! - expected) / Math.abs(expected);

describe("erlangC with one agent is M/M/1", () => {
  const rho = 0.6;
  const ahtSec = 100;
  const r = erlangC({ arrivalRatePerSec: rho / ahtSec, ahtSec, agents: 1, targetAnswerSec: 30 });
  it("probWait equals the utilisation", () => expect(r.probWait).toBeCloseTo(rho, 15));
  it("asa is ρ·aht/(1 − ρ) and equals meanWaitAll", () => {
    expect(rel(r.asa, (rho * ahtSec) / (1 - rho))).toBeLessThan(1e-14);
    expect(r.meanWaitAll).toBe(r.asa);
  });
  it("serviceLevel is 1 − ρ·exp(−(1 − ρ)t/aht) in all three conventions", () => {
    expect(rel(r.serviceLevel, 1 - rho * Math.exp((-(1 - rho) * 30) / ahtSec))).toBeLessThan(1e-14);
    expect(r.serviceLevelWaitWithin).toBe(r.serviceLevel);
    expect(r.serviceLevelOfAnswered).toBe(r.serviceLevel);
  });
  it("meanQueueLength is ρ²/(1 − ρ) and occupancy is ρ", () => {
    expect(rel(r.meanQueueLength, (rho * rho) / (1 - rho))).toBeLessThan(1e-14);
    expect(r.occupancy).toBeCloseTo(rho, 15);
  });
  it("has no abandonment and is stable", () => {
    expect(r.probAbandon).toBeNull();
    expect(r.stable).toBe(true);
    expect(r.model).toBe("c");
  });
});

it("erlangC(10 agents, 8 erlangs) matches the published table (mpmath: P(wait) 0.40918015079644353)", () => {
  const r = erlangC({ arrivalRatePerSec: 8 / 180, ahtSec: 180, agents: 10, targetAnswerSec: 20 });
  expect(r.probWait).toBeCloseTo(0.4092, 4);
  expect(rel(r.probWait, 0.40918015079644353)).toBeLessThan(1e-13);
  expect(rel(r.asa, 36.826213571679918)).toBeLessThan(1e-13);
  expect(rel(r.serviceLevel, 0.67235414872614792)).toBeLessThan(1e-13);
  expect(rel(r.meanQueueLength, 1.6367206031857741)).toBeLessThan(1e-13);
});

it("erlangC defaults the service-level threshold to 20 seconds", () => {
  const inputs = { arrivalRatePerSec: 8 / 180, ahtSec: 180, agents: 10 };
  expect(erlangC(inputs).serviceLevel).toBe(erlangC({ ...inputs, targetAnswerSec: 20 }).serviceLevel);
});

it("erlangC at 20,000 agents and occupancy 0.99 is accurate (mpmath reference; its speed: bench/queueing.mjs)", () => {
  const r = erlangC({ arrivalRatePerSec: 66, ahtSec: 300, agents: 20_000, targetAnswerSec: 20 });
  expect(rel(r.probWait, 0.10058898749273909)).toBeLessThan(1e-11);
  expect(rel(r.asa, 0.15088348123910863)).toBeLessThan(1e-11);
  expect(rel(r.serviceLevel, 0.99999983708639851)).toBeLessThan(1e-14);
  expect(rel(r.meanQueueLength, 9.9583097617811696)).toBeLessThan(1e-11);
  expect(r.occupancy).toBeCloseTo(0.99, 14);
});

it("erlangC just below saturation stays finite with huge waits", () => {
  const r = erlangC({ arrivalRatePerSec: (1000 - 1e-9) / 100, ahtSec: 100, agents: 1000 });
  expect(r.stable).toBe(true);
  expect(r.probWait).toBeGreaterThan(0.999);
  expect(r.asa).toBeGreaterThan(1e10);
  expect(Number.isFinite(r.asa)).toBe(true);
  expect(r.serviceLevel).toBeGreaterThanOrEqual(0);
});

describe("erlangC overload", () => {
  const unstable = {
    stable: false, probWait: 1, probAbandon: null, asa: null, meanWaitAll: null, serviceLevel: null,
    serviceLevelWaitWithin: null, serviceLevelOfAnswered: null, occupancy: 1, meanQueueLength: null,
  };
  it("load equal to the agents is unstable", () => {
    expect(erlangC({ arrivalRatePerSec: 0.1, ahtSec: 100, agents: 10 })).toEqual({ model: "c", offeredLoad: 10, agents: 10, ...unstable });
  });
  it("load twice the agents is unstable, never a negative wait", () => {
    expect(erlangC({ arrivalRatePerSec: 0.2, ahtSec: 100, agents: 10 })).toMatchObject(unstable);
  });
  it("0 agents: every contact waits, the queue is unstable and occupancy is undefined", () => {
    expect(erlangC({ arrivalRatePerSec: 0.2, ahtSec: 100, agents: 0 })).toMatchObject({ ...unstable, occupancy: null });
  });
});

it("erlangC with no arrivals: nobody waits", () => {
  expect(erlangC({ arrivalRatePerSec: 0, ahtSec: 100, agents: 3 })).toMatchObject({
    stable: true, probWait: 0, asa: 0, serviceLevel: 1, occupancy: 0, meanQueueLength: 0,
  });
});

it("erlangC improves with every added agent", () => {
  let previous = erlangC({ arrivalRatePerSec: 0.5, ahtSec: 60, agents: 31 });
  for (let agents = 32; agents <= 60; agents++) {
    const r = erlangC({ arrivalRatePerSec: 0.5, ahtSec: 60, agents });
    expect(r.probWait!).toBeLessThan(previous.probWait!);
    expect(r.asa!).toBeLessThan(previous.asa!);
    expect(r.serviceLevel!).toBeGreaterThanOrEqual(previous.serviceLevel!);
    expect(r.meanQueueLength!).toBeLessThan(previous.meanQueueLength!);
    previous = r;
  }
});

it("erlangC rejects bad inputs with a message", () => {
  const ok = { arrivalRatePerSec: 0.1, ahtSec: 100, agents: 12 };
  expect(() => erlangC({ ...ok, agents: 2.5 })).toThrow("invalid agents: 2.5; expected a whole number from 0 to 1000000");
  expect(() => erlangC({ ...ok, arrivalRatePerSec: -1 })).toThrow("invalid arrivalRatePerSec: -1; expected a finite number ≥ 0");
  expect(() => erlangC({ ...ok, ahtSec: 0 })).toThrow("invalid ahtSec: 0; expected a finite number > 0");
  expect(() => erlangC({ ...ok, targetAnswerSec: Number.NaN })).toThrow("invalid targetAnswerSec: NaN");
  expect(() => erlangC({ ...ok, arrivalRatePerSec: 1e300, ahtSec: 1e300 })).toThrow("invalid offered load: Infinity");
  expect(() => erlangC(null as never)).toThrow("invalid inputs: null; expected an object");
});
