import { describe, expect, it } from "vitest";
import { counterUniform, counterUniformsAlongB } from "./counterUniform.js";

// Under the hypothesis that the hash behaves like independent uniforms, each check below fails with a
// stated small probability; the inputs are fixed, so the outcome is deterministic.
const CHI2_999_99 = 148.23035916510173; // chi-square quantile 0.999 with 99 degrees of freedom (scipy)
const A = 400;
const B = 500;
const N = A * B;

/** counterUniform over an A × B grid of (interval, slot), with one input changed by `shift`. */
function grid(shift: (a: number, b: number) => [number, number, number, number, number]): Float64Array {
  const values = new Float64Array(N);
  for (let a = 0; a < A; a++) for (let b = 0; b < B; b++) values[a * B + b] = counterUniform(...shift(a, b));
  return values;
}

function chiSquare(counts: Float64Array, expected: number): number {
  let sum = 0;
  for (const count of counts) sum += (count - expected) ** 2 / expected;
  return sum;
}

function correlation(x: Float64Array, y: Float64Array): number {
  let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]! - 0.5, yi = y[i]! - 0.5;
    sx += xi; sy += yi; sxx += xi * xi; syy += yi * yi; sxy += xi * yi;
  }
  const n = x.length;
  return (sxy - (sx * sy) / n) / Math.sqrt((sxx - (sx * sx) / n) * (syy - (sy * sy) / n));
}

const base = grid((a, b) => [1, 0, 0, a, b]);

// The literals come from an independent Python implementation of MurmurHash3_x86_32 over the packed bytes.
it("counterUniform is a pure function of its inputs", () => {
  expect(counterUniform(1, 0, 0, 0, 0)).toBe(counterUniform(1, 0, 0, 0, 0));
  expect(counterUniform(1, 0, 0, 0, 0)).toBe(0.3072176727579544);
  expect(counterUniform(2 ** 40 + 7, 3, 2, 96, 11)).toBe(0.036415595932306144);
});

it("counterUniform stays in [0, 1) and uses 53 bits", () => {
  let lowBitsSet = 0;
  let outside = 0;
  for (const u of base) {
    if (!(u >= 0 && u < 1)) outside++;
    if ((u * 2 ** 53) % 2 === 1) lowBitsSet++;
  }
  expect(outside).toBe(0);
  // The lowest of the 53 bits is set about half the time (binomial, 5 standard deviations).
  expect(Math.abs(lowBitsSet - N / 2)).toBeLessThan(5 * Math.sqrt(N / 4));
});

it("counterUniform tells apart seeds that differ only above 32 bits, and negative inputs", () => {
  expect(counterUniform(2 ** 32 + 1, 0, 0, 0, 0)).not.toBe(counterUniform(1, 0, 0, 0, 0));
  expect(counterUniform(-1, 0, 0, 0, 0)).not.toBe(counterUniform(2 ** 32 - 1, 0, 0, 0, 0));
  expect(counterUniform(1, 0, 0, -1, 0)).not.toBe(counterUniform(1, 0, 0, 1, 0));
});

describe("counterUniform is uniform: chi-square over 100 bins of 200,000 values, below the 99.9% critical value 148.23", () => {
  it("in its leading digits", () => {
    const counts = new Float64Array(100);
    for (const u of base) counts[Math.floor(u * 100)]!++;
    expect(chiSquare(counts, N / 100)).toBeLessThan(CHI2_999_99);
  });
  it("in its trailing bits (u·2³² mod 1)", () => {
    const counts = new Float64Array(100);
    for (const u of base) counts[Math.floor(((u * 2 ** 32) % 1) * 100)]!++;
    expect(chiSquare(counts, N / 100)).toBeLessThan(CHI2_999_99);
  });
  it("in pairs of neighbouring slots (10 × 10 bins)", () => {
    const counts = new Float64Array(100);
    for (let a = 0; a < A; a++) {
      for (let b = 0; b + 1 < B; b += 2) counts[Math.floor(base[a * B + b]! * 10) * 10 + Math.floor(base[a * B + b + 1]! * 10)]!++;
    }
    expect(chiSquare(counts, N / 2 / 100)).toBeLessThan(CHI2_999_99);
  });
});

describe("counterUniform gives uncorrelated values for neighbouring inputs: |r| < 4/√n (P ≈ 6e-5 each)", () => {
  const bound = 4 / Math.sqrt(N);
  const neighbours: [string, (a: number, b: number) => [number, number, number, number, number]][] = [
    ["seed + 1", (a, b) => [2, 0, 0, a, b]],
    ["replication + 1", (a, b) => [1, 1, 0, a, b]],
    ["lane + 1", (a, b) => [1, 0, 1, a, b]],
    ["a + 1", (a, b) => [1, 0, 0, a + 1, b]],
    ["b + 1", (a, b) => [1, 0, 0, a, b + 1]],
    ["a and b swapped", (a, b) => [1, 0, 0, b, a]],
  ];
  for (const [name, shift] of neighbours) {
    it(name, () => expect(Math.abs(correlation(base, grid(shift)))).toBeLessThan(bound));
  }
});

it("counterUniform avalanches: flipping any input bit changes 16 of the top 32 output bits on average", () => {
  const trials = 2000;
  // Mean of 2000 Binomial(32, 1/2) counts: standard deviation √(8/2000); 5 of them, P ≈ 6e-7 per bit.
  const tolerance = 5 * Math.sqrt(8 / trials);
  const top = (u: number) => Math.floor(u * 2 ** 32) >>> 0;
  const popcount = (x: number) => {
    let count = 0;
    for (; x !== 0; x >>>= 1) count += x & 1;
    return count;
  };
  for (let input = 0; input < 5; input++) {
    for (let bit = 0; bit < 32; bit++) {
      let changed = 0;
      for (let t = 0; t < trials; t++) {
        const args: [number, number, number, number, number] = [7, t % 13, 2, t, t >> 4];
        const before = top(counterUniform(...args));
        args[input] = args[input]! ^ (1 << bit);
        changed += popcount(before ^ top(counterUniform(...args)));
      }
      expect(Math.abs(changed / trials - 16)).toBeLessThan(tolerance);
    }
  }
});

it("counterUniformsAlongB gives counterUniform's values slot after slot, bit for bit", () => {
  const out = new Float64Array(300);
  for (const [seed, replication, lane, a] of [
    [1, 0, 0, 0],
    [12345, 7, 3, 335],
    [-5, 2 ** 31 - 1, -1, 17],
    [2 ** 40 + 3, 99, 65536, 2],
    [-(2 ** 52), 1, 2, 3],
  ] as const) {
    counterUniformsAlongB(seed, replication, lane, a, out, 257);
    for (let b = 0; b < 257; b++) expect(out[b]).toBe(counterUniform(seed, replication, lane, a, b));
    expect(out[257]).toBe(0);
  }
});
