import { quantile } from "d3-array";
import { expect, it } from "vitest";
import { stream } from "../random/streams.js";
import { RowQuantileStore } from "./rowQuantileStore.js";

const random = stream(11, 0, "handle");
const rows = Array.from({ length: 300 }, () => Float64Array.of(random(), NaN, 1000 * random() ** 3));

function fill(store: RowQuantileStore, count: number): void {
  for (let k = 0; k < count; k++) store.add(rows[k]!, 0);
}

it("RowQuantileStore gives d3's quantiles exactly while replications are few", () => {
  const store = new RowQuantileStore(3, { exactReplications: 100 });
  fill(store, 100);
  const scratch = store.scratch();
  for (const cell of [0, 2]) {
    const values = rows.slice(0, 100).map((row) => row[cell]!);
    expect(store.quantiles(cell, scratch)).toEqual([quantile(values, 0.1), quantile(values, 0.5), quantile(values, 0.9)]);
  }
  expect(store.quantiles(1, scratch)).toBeNull();
  expect(store.basis()).toEqual({ replications: 100, precision: "exact" });
});

it("RowQuantileStore rounds to Float32 past exactReplications: quantiles within 2^-24 relative", () => {
  const store = new RowQuantileStore(3, { exactReplications: 100 });
  fill(store, 300);
  expect(store.basis()).toEqual({ replications: 300, precision: "float32" });
  const scratch = store.scratch();
  for (const cell of [0, 2]) {
    const values = rows.map((row) => row[cell]!);
    const got = store.quantiles(cell, scratch)!;
    [0.1, 0.5, 0.9].forEach((p, i) => {
      expect(got[i]).toBe(quantile(values.map(Math.fround), p));
      expect(Math.abs(got[i]! / quantile(values, p)! - 1)).toBeLessThanOrEqual(2 ** -24);
    });
  }
});

it("RowQuantileStore keeps replications 0, s, 2s, … once the budget is full, s doubling", () => {
  // One Float32 cell, 32 bytes: 8 rows. Full at replication 8 (keep 0, 2, 4, 6) and 16 (keep 0, 4, 8, 12).
  const store = new RowQuantileStore(1, { exactReplications: 0, budgetBytes: 32 });
  for (let k = 0; k < 20; k++) store.add([k], 0);
  expect(store.basis()).toEqual({ replications: 5, precision: "float32" });
  expect(store.quantiles(0, store.scratch())).toEqual([1.6, 8, 14.4]); // of 0, 4, 8, 12, 16
});

it("RowQuantileStore refuses nonsense options", () => {
  expect(() => new RowQuantileStore(1, { exactReplications: -1 })).toThrow("invalid exactReplications: -1");
  expect(() => new RowQuantileStore(1, { budgetBytes: 0 })).toThrow("invalid budgetBytes: 0");
});

it("RowQuantileStore's quantilesOfCells equals quantiles cell by cell", () => {
  for (const count of [50, 300]) {
    const store = new RowQuantileStore(3, { exactReplications: 100 });
    fill(store, count);
    const one = store.scratch();
    expect(store.quantilesOfCells(0, 3, store.scratch())).toEqual([0, 1, 2].map((cell) => store.quantiles(cell, one)));
    expect(store.quantilesOfCells(1, 2, store.scratch())).toEqual([1, 2].map((cell) => store.quantiles(cell, one)));
  }
});

it("RowQuantileStore gives the same quantiles whatever its expectedRows hint, through all three phases", () => {
  // Rows with NaN in a cell now and then, so that quantilesOfCells closes up over them.
  const mixed = rows.map((row, k) => Float64Array.of(row[0]!, k % 7 === 0 ? NaN : row[2]!, row[0]! * 10));
  for (const options of [{ exactReplications: 100 }, { exactReplications: 0, budgetBytes: 3 * 4 * 40 }]) {
    const quantilesWith = (expectedRows: number | undefined, count: number) => {
      const store = new RowQuantileStore(3, { ...options, ...(expectedRows !== undefined && { expectedRows }) });
      for (let k = 0; k < count; k++) store.add(mixed[k]!, 0);
      return { basis: store.basis(), cells: store.quantilesOfCells(0, 3, store.scratch()) };
    };
    for (const count of [1, 60, 300]) {
      const plain = quantilesWith(undefined, count);
      for (const hint of [0, 1, count, 10 * count]) expect(quantilesWith(hint, count)).toEqual(plain);
    }
  }
  expect(() => new RowQuantileStore(1, { expectedRows: 2.5 })).toThrow("invalid expectedRows: 2.5");
});

it("RowQuantileStore's quantiles are d3's of the replications it keeps, across blocks, growth, Float32 and thinning", () => {
  // Three cells, 3 × 4 × 50 bytes: 50 Float32 rows, so 1,000 replications thin it five times (stride 32); the rows
  // arrive in blocks of 16 that straddle every phase change (exact until 37, growth, thinning).
  const store = new RowQuantileStore(3, { exactReplications: 37, budgetBytes: 3 * 4 * 50 });
  const random = stream(7, 0, "handle");
  const all = Array.from({ length: 1000 }, (_, k) => Float64Array.of(random() * 100, k % 5 === 0 ? NaN : k, Math.floor(random() * 4)));
  for (let k = 0; k < all.length; k++) {
    store.add(all[k]!, 0);
    if (k === 20 || k === 499 || k === 999) {
      const { replications } = store.basis();
      const stride = k === 20 ? 1 : 2 ** Math.ceil(Math.log2((k + 1) / 50));
      const kept = all.slice(0, k + 1).filter((_, j) => j % stride === 0);
      expect(replications).toBe(kept.length);
      const round = k === 20 ? (x: number) => x : Math.fround;
      const scratch = store.scratch();
      for (let cell = 0; cell < 3; cell++) {
        const values = kept.map((row) => round(row[cell]!)).filter((x) => !Number.isNaN(x));
        expect(store.quantiles(cell, scratch)).toEqual([0.1, 0.5, 0.9].map((p) => quantile(values, p)));
      }
    }
  }
});

it("RowQuantileStore gathers rows of a very wide layout one at a time, with the same quantiles", () => {
  // 200,000 cells: 1.6 MB a row, more than the block may take, so each row moves into the cells' runs on its own.
  const width = 200_000;
  const store = new RowQuantileStore(width, { exactReplications: 2, expectedRows: 5 });
  const row = (k: number) => Float64Array.from({ length: width }, (_, cell) => (cell % 7 === 3 ? NaN : (cell * 31 + k * 17) % 101));
  for (let k = 0; k < 5; k++) store.add(row(k), 0);
  const scratch = store.scratch();
  for (const cell of [0, 3, 99_999, 199_999]) {
    const values = [0, 1, 2, 3, 4].map((k) => Math.fround(row(k)[cell]!)).filter((v) => !Number.isNaN(v));
    expect(store.quantiles(cell, scratch)).toEqual(values.length ? [0.1, 0.5, 0.9].map((p) => quantile(values, p)) : null);
  }
});
