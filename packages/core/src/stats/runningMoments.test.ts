import { fsum } from "d3-array";
import { expect, it } from "vitest";
import { stream } from "../random/streams.js";
import {
  addMoment,
  addMomentAt,
  mergeMoments,
  mergeMomentsArrays,
  momentsVariance,
  runningMoments,
  runningMomentsArray,
} from "./runningMoments.js";

/** Two-pass reference: exact-sum mean, then exact sum of squared deviations. */
function twoPass(values: number[]): { mean: number; variance: number } {
  const mean = fsum(values) / values.length;
  return { mean, variance: fsum(values, (v) => (v - mean) ** 2) / (values.length - 1) };
}

// Values with a large offset and a small spread: the case where the one-pass sum-of-squares formula fails.
const random = stream(7, 0, "handle");
const values = Array.from({ length: 10_000 }, () => 1e6 + 300 * random());

it("RunningMoments matches a two-pass computation to 1e-12", () => {
  const moments = runningMoments();
  for (const value of values) addMoment(moments, value);
  const reference = twoPass(values);
  expect(moments.count).toBe(values.length);
  expect(Math.abs(moments.mean / reference.mean - 1)).toBeLessThan(1e-12);
  expect(Math.abs(momentsVariance(moments)! / reference.variance - 1)).toBeLessThan(1e-12);
});

it("mergeMoments gives the same result whatever the split, to 1e-12", () => {
  const whole = values.reduce((m, v) => addMoment(m, v), runningMoments());
  for (const parts of [2, 3, 7, 100, 10_000]) {
    const size = Math.ceil(values.length / parts);
    const chunks = Array.from({ length: parts }, (_, i) =>
      values.slice(i * size, (i + 1) * size).reduce((m, v) => addMoment(m, v), runningMoments()),
    );
    // Merge in reverse order, as workers may finish.
    const merged = chunks.reverse().reduce((into, chunk) => mergeMoments(into, chunk), runningMoments());
    expect(merged.count).toBe(whole.count);
    expect(Math.abs(merged.mean / whole.mean - 1)).toBeLessThan(1e-12);
    expect(Math.abs(momentsVariance(merged)! / momentsVariance(whole)! - 1)).toBeLessThan(1e-12);
  }
});

it("RunningMoments has no variance below two values and survives a structured clone", () => {
  expect(momentsVariance(addMoment(runningMoments(), 3))).toBeNull();
  const moments = addMoment(addMoment(runningMoments(), 1), 3);
  const copy = structuredClone(moments);
  expect(copy).toEqual({ count: 2, mean: 2, sumSquares: 2 });
  expect(mergeMoments(runningMoments(), copy)).toEqual(copy);
});

it("RunningMomentsArray keeps slots apart, skips null, and merges slot by slot", () => {
  const a = runningMomentsArray(3);
  const b = runningMomentsArray(3);
  for (let i = 0; i < values.length; i++) addMomentAt(i % 2 === 0 ? a : b, i % 3, values[i]!);
  addMomentAt(a, 0, null);
  mergeMomentsArrays(a, structuredClone(b));
  for (let slot = 0; slot < 3; slot++) {
    const reference = twoPass(values.filter((_, i) => i % 3 === slot));
    expect(a.count[slot]).toBe(values.filter((_, i) => i % 3 === slot).length);
    expect(Math.abs(a.mean[slot]! / reference.mean - 1)).toBeLessThan(1e-12);
    expect(Math.abs(a.sumSquares[slot]! / (a.count[slot]! - 1) / reference.variance - 1)).toBeLessThan(1e-12);
  }
  expect(() => mergeMomentsArrays(a, runningMomentsArray(2))).toThrow(/cannot merge moments of 2 slots into 3/);
});
