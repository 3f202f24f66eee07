import { expect, it } from "vitest";
import { erlangB } from "./erlangB.js";

const rel = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

it("erlangB(1, A) is A / (1 + A), the M/M/1/1 loss", () => {
  expect(erlangB(1, 1)).toBe(0.5);
  expect(erlangB(1, 3)).toBeCloseTo(0.75, 15);
});

it("erlangB(10, 5) matches the published table to 1e-14 (mpmath: 0.018384570336648133)", () => {
  expect(rel(erlangB(10, 5), 0.018384570336648133)).toBeLessThan(1e-14);
});

it("erlangB with 0 agents blocks everything and with no load blocks nothing", () => {
  expect(erlangB(0, 5)).toBe(1);
  expect(erlangB(0, 0)).toBe(1);
  expect(erlangB(3, 0)).toBe(0);
});

it("erlangB keeps tiny probabilities through its log-space tail instead of flushing them to 0", () => {
  // 1.1853161407932179e-261 (mpmath): below the 1e-250 switch, still a normal double.
  expect(rel(erlangB(260, 10), 1.1853161407932179e-261)).toBeLessThan(1e-12);
  expect(erlangB(1000, 1)).toBe(0); // 1/(e·1000!) is far below the smallest double: 0, not NaN
});

it("erlangB(20000, 19800) is accurate (mpmath: 0.0011171379305143628; its speed: bench/queueing.mjs)", () => {
  const b = erlangB(20_000, 19_800);
  expect(rel(b, 0.0011171379305143628)).toBeLessThan(1e-12);
});

it("erlangB falls as agents are added and rises with the load", () => {
  let previous = 1;
  for (let n = 1; n <= 60; n++) {
    const b = erlangB(n, 30);
    expect(b).toBeLessThan(previous);
    previous = b;
  }
  expect(erlangB(20, 15)).toBeLessThan(erlangB(20, 16));
});

it("erlangB copes with a load of 1e300 (blocks nearly everything)", () => {
  expect(erlangB(5, 1e300)).toBe(1);
});

it("erlangB rejects bad agents and loads with a message", () => {
  expect(() => erlangB(1.5, 2)).toThrow("invalid agents: 1.5; expected a whole number from 0 to 1000000");
  expect(() => erlangB(-1, 2)).toThrow("invalid agents: -1");
  expect(() => erlangB(Number.NaN, 2)).toThrow("invalid agents: NaN");
  expect(() => erlangB(2_000_000, 2)).toThrow("invalid agents: 2000000");
  expect(() => erlangB(3, -1)).toThrow("invalid offeredLoad: -1; expected a finite number ≥ 0");
  expect(() => erlangB(3, Infinity)).toThrow("invalid offeredLoad: Infinity");
});
