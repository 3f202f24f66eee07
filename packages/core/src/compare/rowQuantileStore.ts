import { float32Quantiles } from "./radixQuantiles.js";
import { selectQuantiles } from "./selectQuantiles.js";

/** How per-interval quantiles are kept: see `RowQuantileStore`. */
export interface QuantileStoreOptions {
  /** Replications stored exactly (Float64) before values are rounded to Float32. Default 100. */
  exactReplications?: number;
  /** Memory the stored values may take, bytes. Default 64 MiB. */
  budgetBytes?: number;
  /** Replications the run is expected to add (a capacity hint, not a limit): the store allocates for them at once
   * instead of doubling as rows come, each doubling a copy of everything stored and an array for the garbage
   * collector. The values stored, and so every quantile, are the same with or without it. */
  expectedRows?: number;
}

/** What the per-interval quantiles of a summary rest on. */
export interface IntervalQuantileBasis {
  /** Replications whose values the quantiles are computed from (every one, or a systematic subsample). */
  replications: number;
  /** "exact": Float64 values; "float32": values rounded to Float32 (relative error ≤ 2⁻²⁴ ≈ 6e-8). */
  precision: "exact" | "float32";
}

/**
 * Some cells' stored values, for their quantiles to be taken elsewhere (another thread: `cellBlockQuantiles`): cell c's
 * `rows` values (Float32, as their bits) are bits[c × stride … c × stride + rows − 1], for c < cells. The bits are a view
 * of the store's own memory when it is shared (a SharedArrayBuffer: nothing is copied to post it to a worker), else a
 * copy.
 */
export interface CellQuantileBlock {
  bits: Uint32Array;
  cells: number;
  stride: number;
  rows: number;
}

/** The spread of outcomes every cell reports: P10, P50, P90. */
const SPREAD = [0.1, 0.5, 0.9] as const;
const DEFAULT_EXACT_REPLICATIONS = 100;
const DEFAULT_BUDGET_BYTES = 64 * 1024 * 1024;

/** Rows gathered, row by row, before they are moved into the store cell by cell (see `RowQuantileStore`)... */
const BLOCK_ROWS = 16;
/** ...unless that many rows would take more than this: a layout of 50 queues × 92 days of 15-minute intervals has 256,000
 * cells, 2 MB a row, and gathers one row at a time. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * A compact, deterministic quantile summary for many cells at once (interval × KPI), fed one row per
 * replication in replication order. Accuracy, by phase:
 * 1. Exact: while at most `exactReplications` replications have been added and their Float64 rows fit the
 *    budget, every value is kept; quantiles equal d3's R-7 quantiles of the values.
 * 2. Float32: the rows are kept rounded to Float32. Rounding is monotone, so the quantile of the rounded
 *    values is within a relative 2⁻²⁴ (6e-8) of the exact one for values of one sign (KPIs are ≥ 0).
 * 3. Subsample: when the rows would outgrow the budget, only replications 0, s, 2s, … are kept, s doubling
 *    each time (every other stored row is dropped). Replications are independent and identically distributed,
 *    so this is a plain random sample of the same outcomes with at least half the budget's rows; the
 *    quantiles carry the sampling error of that many replications (a rank error of about √(p(1−p)/m) for m
 *    rows: 0.4 percentage points at P10 with 5,000 rows) instead of all of them. Because the rule depends
 *    only on the replication index, the result does not depend on how the run was split.
 * Values that are NaN (KPI undefined) are stored and skipped when quantiles are taken.
 *
 * The values are kept cell by cell (each cell's in one run), so that a quantile reads one contiguous run. Rows come
 * one at a time, though, and writing each of a row's thousands of values into its own cell's run touches a cache line
 * (and often a page) per value; so rows gather in a block of `BLOCK_ROWS`, row by row, and move into the runs a block
 * at a time, a cache line per cell. Kept row by row instead, taking the quantiles first had to regather every cell's
 * values from a stride of a whole row: half the time of a summary of 4,000 replications of a day.
 */
export class RowQuantileStore {
  private readonly width: number;
  private readonly exactReplications: number;
  private readonly budgetBytes: number;
  private readonly expectedRows: number | undefined;
  /** Cell c's stored values are columns[c × capacity … c × capacity + flushed − 1], in replication order. */
  private columns: Float64Array | Float32Array;
  private capacity: number;
  private flushed = 0;
  /** Rows stored since the last flush, row after row, at full precision (rounded, if need be, as they move). */
  private readonly block: Float64Array;
  private readonly blockCapacity: number;
  private blockRows = 0;
  private added = 0;
  private stride = 1;
  private readonly picked = new Float64Array(3);
  /** The Float32 phase's values as their bits, for `float32Quantiles`; null in the exact phase. */
  private bits: Uint32Array | null = null;
  /** Quantiles already taken (P10, P50, P90 a cell; NaN, NaN, NaN for a cell without values), valid for `knownAt` rows
   * added: a summary's share computed ahead (`computeQuantiles`) or in another thread (`acceptQuantiles`). */
  private known: Float64Array | null = null;
  private knownCell: Uint8Array | null = null;
  private knownAt = -1;

  constructor(width: number, options?: QuantileStoreOptions) {
    this.width = width;
    this.exactReplications = options?.exactReplications ?? DEFAULT_EXACT_REPLICATIONS;
    this.budgetBytes = options?.budgetBytes ?? DEFAULT_BUDGET_BYTES;
    if (!(Number.isInteger(this.exactReplications) && this.exactReplications >= 0)) {
      throw new Error(`invalid exactReplications: ${this.exactReplications}; expected a whole number ≥ 0`);
    }
    if (!(this.budgetBytes > 0)) throw new Error(`invalid budgetBytes: ${this.budgetBytes}; expected a number > 0`);
    const expected = options?.expectedRows;
    this.expectedRows = expected;
    if (expected !== undefined && !(Number.isInteger(expected) && expected >= 0)) {
      throw new Error(`invalid expectedRows: ${expected}; expected a whole number ≥ 0`);
    }
    // Float64 rows for the exact phase; with a hint, room for all of them (the Float32 phase allocates its own).
    const exactRows = Math.max(1, this.exactReplications);
    const initialRows = expected === undefined ? Math.min(16, exactRows) : Math.min(exactRows, Math.max(1, expected));
    this.capacity = Math.max(1, Math.min(initialRows, Math.floor(this.budgetBytes / (width * 8))));
    this.columns = new Float64Array(width * this.capacity);
    this.blockCapacity = Math.max(1, Math.min(BLOCK_ROWS, Math.floor(BLOCK_BYTES / (Math.max(1, width) * 8))));
    this.block = new Float64Array(width * this.blockCapacity);
  }

  /** Replications stored (moved into the cells' runs or still in the block). */
  private get stored(): number {
    return this.flushed + this.blockRows;
  }

  /** Adds the next replication's row (`width` values read from `source` at `offset`). */
  add(source: ArrayLike<number>, offset: number): void {
    const index = this.added++;
    if (this.columns instanceof Float64Array && (this.added > this.exactReplications || this.added * this.width * 8 > this.budgetBytes)) {
      this.flush();
      this.resize(this.float32Capacity(), Float32Array);
    }
    if (index % this.stride !== 0) return;
    // At least two rows, so that thinning always leaves one.
    const maxRows = this.maxRows();
    if (this.stored === maxRows) {
      this.flush();
      this.thin();
      if (index % this.stride !== 0) return;
    }
    copyRow(source, offset, this.block, this.blockRows * this.width, this.width);
    if (++this.blockRows === this.blockCapacity) this.flush();
  }

  /** P10, P50 and P90 (R-7, as d3.quantile) of one cell over the stored rows, NaN skipped; null when none. `scratch`
   * (from `scratch()`) is overwritten. */
  quantiles(cell: number, scratch: Float64Array): [number, number, number] | null {
    this.flush();
    return this.quantilesOfRun(cell, scratch);
  }

  /** `quantiles` of cells firstCell … firstCell + count − 1 (null where a cell has no value), with one `scratch()`. */
  quantilesOfCells(firstCell: number, count: number, scratch: Float64Array): ([number, number, number] | null)[] {
    this.flush();
    const out: ([number, number, number] | null)[] = [];
    const known = this.knownAt === this.added ? this.known : null;
    for (let c = 0; c < count; c++) {
      const cell = firstCell + c;
      if (known !== null && this.knownCell![cell] === 1) {
        const p10 = known[3 * cell]!;
        out.push(p10 === p10 ? [p10, known[3 * cell + 1]!, known[3 * cell + 2]!] : null);
      } else out.push(this.quantilesOfRun(cell, scratch));
    }
    return out;
  }

  /**
   * Cells firstCell … firstCell + count − 1 as a block whose quantiles another thread can take (`cellBlockQuantiles`),
   * to be handed back with `acceptQuantiles`; null in the exact phase (a hundred replications or fewer: not worth it).
   */
  cellBlock(firstCell: number, count: number): CellQuantileBlock | null {
    const view = this.cellView(firstCell, count);
    if (view === null) return null;
    const shared = typeof SharedArrayBuffer === "function" && view.bits.buffer instanceof SharedArrayBuffer;
    return shared ? view : { ...view, bits: view.bits.slice() };
  }

  /** Takes the quantiles of cells firstCell … firstCell + count − 1 now (in this thread), for a later `quantilesOfCells`. */
  computeQuantiles(firstCell: number, count: number): void {
    // A view of the store itself: in this thread nothing needs copying, shared memory or not.
    const view = this.cellView(firstCell, count);
    if (view !== null) this.acceptQuantiles(firstCell, cellBlockQuantiles(view));
  }

  /** Cells firstCell … firstCell + count − 1 as a block over the store's own memory (the block flushed); null in the
   * exact phase. */
  private cellView(firstCell: number, count: number): CellQuantileBlock | null {
    this.flush();
    if (this.bits === null || count <= 0) return null;
    const bits = this.bits.subarray(firstCell * this.capacity, (firstCell + count) * this.capacity);
    return { bits, cells: count, stride: this.capacity, rows: this.flushed };
  }

  /** Quantiles of cells from `firstCell` on, as `cellBlockQuantiles` gives them for `cellBlock(firstCell, …)` (valid
   * until the next `add`). */
  acceptQuantiles(firstCell: number, quantiles: Float64Array): void {
    if (this.knownAt !== this.added || this.known === null) {
      this.known = new Float64Array(3 * this.width);
      this.knownCell = new Uint8Array(this.width);
      this.knownAt = this.added;
    }
    const count = Math.min(quantiles.length / 3, this.width - firstCell);
    this.known.set(quantiles.subarray(0, 3 * count), 3 * firstCell);
    this.knownCell!.fill(1, firstCell, firstCell + count);
  }

  /** A scratch buffer for `quantiles` and `quantilesOfCells`: room for one cell's stored values. */
  scratch(): Float64Array {
    return new Float64Array(Math.max(1, this.stored));
  }

  /** How many replications the quantiles rest on, and whether exactly. */
  basis(): IntervalQuantileBasis {
    return { replications: this.stored, precision: this.columns instanceof Float64Array ? "exact" : "float32" };
  }

  /** The quantiles of one cell's run (the block flushed), NaN skipped. Float32 runs (past the exact phase: every long
   * run's) by radix selection on their bits, Float64 ones by Floyd–Rivest: the same order statistics either way. */
  private quantilesOfRun(cell: number, scratch: Float64Array): [number, number, number] | null {
    const start = cell * this.capacity;
    const picked = this.picked;
    if (this.bits !== null) {
      if (!float32Quantiles(this.bits, start, this.flushed, SPREAD, picked)) return null;
    } else {
      const columns = this.columns;
      let n = 0;
      for (let i = start, end = start + this.flushed; i < end; i++) {
        const value = columns[i]!;
        if (value === value) scratch[n++] = value;
      }
      if (n === 0) return null;
      selectQuantiles(scratch, n, SPREAD, picked);
    }
    return [picked[0]!, picked[1]!, picked[2]!];
  }

  /** The most rows the budget holds at `bytes` a value, by default the current precision's (at least two, so that
   * thinning always leaves one). */
  private maxRows(bytes: number = this.columns.BYTES_PER_ELEMENT): number {
    return Math.max(2, Math.floor(this.budgetBytes / (this.width * bytes)));
  }

  /** Moves the block's rows into the cells' runs (growing them if need be), a cache line's worth per cell. */
  private flush(): void {
    const rows = this.blockRows;
    if (rows === 0) return;
    const needed = this.flushed + rows;
    if (needed > this.capacity) this.resize(Math.max(needed, Math.min(this.maxRows(), Math.max(1, this.flushed) * 2)));
    transposeBlock(this.block, rows, this.width, this.columns, this.capacity, this.flushed);
    this.flushed = needed;
    this.blockRows = 0;
  }

  /** Rows the Float32 phase allocates when it begins: the hint's, if it gave more than the exact phase held. */
  private float32Capacity(): number {
    const maxRows = this.maxRows(4);
    const wanted = Math.max(this.stored + 1, Math.ceil((this.expectedRows ?? 0) / this.stride), Math.min(16, maxRows));
    return Math.min(maxRows, wanted);
  }

  /** Room for `capacity` rows a cell, in `type` (the values move over, rounded if it is Float32). */
  private resize(capacity: number, type: Float64ArrayConstructor | Float32ArrayConstructor = this.columns instanceof Float64Array ? Float64Array : Float32Array): void {
    const length = capacity * this.width;
    // Float32 cells live in shared memory where there is any (Node; a cross-origin-isolated page), so that a block of
    // them reaches another thread for its quantiles without a copy (`cellBlock`).
    const next = type === Float32Array && typeof SharedArrayBuffer === "function" ? new Float32Array(new SharedArrayBuffer(length * 4)) : new type(length);
    for (let c = 0; c < this.width; c++) next.set(this.columns.subarray(c * this.capacity, c * this.capacity + this.flushed), c * capacity);
    this.columns = next;
    this.bits = next instanceof Float32Array ? new Uint32Array(next.buffer) : null;
    this.capacity = capacity;
  }

  /** Keeps stored rows 0, 2, 4, …: replications 0, 2s, 4s, … of the old stride s. (The block is empty.) */
  private thin(): void {
    const kept = Math.ceil(this.flushed / 2);
    for (let c = 0; c < this.width; c++) {
      const base = c * this.capacity;
      for (let k = 0; k < kept; k++) this.columns[base + k] = this.columns[base + 2 * k]!;
    }
    this.flushed = kept;
    this.stride *= 2;
  }
}

// The two loops over a row's cells stand in functions of their own, apart from `add` and `flush`. A row has hundreds or
// thousands of cells, so V8 compiled a method holding such a loop in the middle of its first call (on-stack replacement),
// before the lines after the loop had ever run; reaching them, with no type feedback, the compiled code was thrown away
// ("Insufficient type feedback"), and the next call compiled it again: `flush` up to 8 times a run of `ccplan simulate`,
// each time on the thread that folds the workers' results (2026-12-07, `--trace-deopt`).

/** source[offset … offset + width − 1] into block[at …]. */
function copyRow(source: ArrayLike<number>, offset: number, block: Float64Array, at: number, width: number): void {
  for (let i = 0; i < width; i++) block[at + i] = source[offset + i]!;
}

/** The block's `rows` rows (row after row, `width` values each) into the cells' runs: cell c's values go to
 * columns[c × capacity + from …], a cache line's worth per cell. */
function transposeBlock(block: Float64Array, rows: number, width: number, columns: Float64Array | Float32Array, capacity: number, from: number): void {
  for (let c = 0, base = from; c < width; c++, base += capacity) {
    for (let r = 0, at = c; r < rows; r++, at += width) columns[base + r] = block[at]!;
  }
}

/**
 * P10, P50 and P90 of every cell of a block (`RowQuantileStore.cellBlock`), NaN skipped: three numbers a cell, in
 * order, NaN, NaN, NaN for a cell without values. Pure: the same numbers in any thread, so a summary whose share was
 * taken in a worker is the summary taken in one thread.
 */
export function cellBlockQuantiles(block: CellQuantileBlock): Float64Array {
  const out = new Float64Array(3 * block.cells).fill(NaN);
  const picked = new Float64Array(3);
  for (let c = 0; c < block.cells; c++) {
    if (!float32Quantiles(block.bits, c * block.stride, block.rows, SPREAD, picked)) continue;
    out[3 * c] = picked[0]!;
    out[3 * c + 1] = picked[1]!;
    out[3 * c + 2] = picked[2]!;
  }
  return out;
}
