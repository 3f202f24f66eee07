import type { LpModel } from "./lpModel.js";

/**
 * The part of a loaded HiGHS runtime (the `highs` npm package, HiGHS compiled to WebAssembly) that core uses,
 * written structurally so that core imports nothing of it: the worker or the CLI loads the runtime (loading needs
 * the environment: a file in Node, a fetched asset in a browser) and passes it in.
 */
export interface HighsRuntime {
  withModel<Result>(source: { format: "lp"; data: string }, operation: (model: HighsModel) => Result): Result;
}

/** The part of a HiGHS persistent model that {@link solveMip} uses. */
export interface HighsModel {
  readonly options: { set(values: Record<string, number | string | boolean>): void };
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { readonly colValue: ArrayLike<number> };
  getColName(index: number): string;
  readonly info: { get(name: string): number | bigint };
  getRunTime(): number;
  setSolution(solution: { colValue: Float64Array }): unknown;
}

/** How a solve ended, from HiGHS's model status. */
export type MipStatus =
  | "optimal"
  | "infeasible"
  | "unbounded"
  | "timeLimit"
  | "iterationLimit"
  | "interrupted"
  | "other";

/** What {@link solveMip} returns. */
export interface MipSolution {
  status: MipStatus;
  /** Whether `values` hold a feasible solution (optimal, or the best found before a limit). */
  feasible: boolean;
  /** One value per variable of the model, in index order (integers rounded, unless a relaxation); empty when not feasible. */
  values: Float64Array;
  /** Objective at `values`; NaN when not feasible. */
  objective: number;
  /** Best bound on the optimum the solver proved (the MIP dual bound; for an LP or a proved optimum, the objective);
   * NaN when not feasible. */
  lowerBound: number;
  /** Relative gap (objective − lowerBound) / |objective| as HiGHS reports it (0 at a proved optimum); NaN when not feasible. */
  gap: number;
  /** Solver seconds, by HiGHS's clock. */
  solveSec: number;
}

/** Limits of one solve, and how to start it. */
export interface MipOptions {
  /** Wall-clock limit, seconds (HiGHS `time_limit`); the best solution found by then is returned. */
  timeLimitSec: number;
  /** Relative MIP gap at which the solver stops (HiGHS `mip_rel_gap`), e.g. 0.005 for 0.5%. */
  mipRelGap: number;
  /** Solve the linear relaxation only (integrality ignored; HiGHS `solve_relaxation`). */
  relaxation?: boolean;
  /** Bounds that replace the model's (one entry per variable). */
  bounds?: { lower: ArrayLike<number>; upper: ArrayLike<number> };
  /** A feasible solution to start from (one value per variable): the solver keeps it unless it finds better. */
  start?: ArrayLike<number>;
}

// HiGHS model status codes (HighsModelStatus in the C API; constants.modelStatus in the JS package).
const MODEL_STATUS: Record<number, MipStatus | "error"> = {
  0: "error", // not set
  1: "error", // load error
  2: "error", // model error
  3: "error", // presolve error
  4: "error", // solve error
  5: "error", // postsolve error
  6: "error", // empty: the LP text held no model (a parse failure reads as an empty model)
  7: "optimal",
  8: "infeasible",
  9: "infeasible", // infeasible or unbounded (presolve cannot tell); our models are bounded below
  10: "unbounded",
  11: "other", // objective bound
  12: "other", // objective target
  13: "timeLimit",
  14: "iterationLimit",
  15: "other", // unknown
  16: "other", // solution limit
  17: "interrupted",
};
const FEASIBLE_SOLUTION = 2; // kSolutionStatusFeasible

/**
 * Solves a linear or mixed-integer program with HiGHS (one fresh native model, disposed before returning) within
 * `timeLimitSec` and to a relative gap of `mipRelGap`, and reads the solution back in the model's variable order.
 * Infeasible, unbounded and limited solves are answers (see `status` and `feasible`), not errors.
 * @throws Error when HiGHS fails (a load, model, presolve, solve or postsolve error, or an empty model); the runtime
 * may then be in a bad state and should be re-created (see {@link createSolverSession}).
 */
export function solveMip(runtime: HighsRuntime, model: LpModel, options: MipOptions): MipSolution {
  if (model.variables.length === 0) throw new Error("invalid model: no variables");
  const text = model.toLpText(options.bounds);
  const relaxation = options.relaxation ?? false;
  return runtime.withModel({ format: "lp", data: text }, (highs) => {
    highs.options.set({ output_flag: false, time_limit: Math.max(0.01, options.timeLimitSec), mip_rel_gap: options.mipRelGap, solve_relaxation: relaxation });
    if (options.start) highs.setSolution({ colValue: Float64Array.from(options.start) });
    highs.run();
    const code = highs.getModelStatus();
    const status = MODEL_STATUS[code] ?? "other";
    if (status === "error") throw new Error(`HiGHS could not solve the model (model status ${code})`);
    const solveSec = highs.getRunTime();
    const feasible = Number(highs.info.get("primal_solution_status")) === FEASIBLE_SOLUTION;
    if (!feasible) return { status, feasible, values: new Float64Array(0), objective: NaN, lowerBound: NaN, gap: NaN, solveSec };
    const colValue = highs.getSolution().colValue;
    if (colValue.length !== model.variables.length) {
      throw new Error(`HiGHS returned ${colValue.length} columns for a model of ${model.variables.length} variables`);
    }
    const values = new Float64Array(colValue.length);
    model.variables.forEach((variable, index) => {
      // Columns come in the order the LP text first names them, which toLpText makes the model's order: check it.
      if (highs.getColName(index) !== variable.name) throw new Error(`HiGHS column ${index} is ${highs.getColName(index)}; expected ${variable.name}`);
      const value = colValue[index]!;
      values[index] = variable.integer && !relaxation ? Math.round(value) : value;
    });
    const objective = model.objectiveAt(values);
    const hasIntegers = !relaxation && model.variables.some((variable) => variable.integer);
    // A bound above the incumbent is only the solver's tolerance showing: clamp it.
    const lowerBound = hasIntegers ? Math.min(objective, Number(highs.info.get("mip_dual_bound"))) : objective;
    const gap = hasIntegers ? Math.max(0, Number(highs.info.get("mip_gap"))) : 0;
    return { status, feasible, values, objective, lowerBound, gap, solveSec };
  });
}

/** A HiGHS runtime loaded once and used for solve after solve, re-created after any error. */
export interface SolverSession {
  /** Solves one model (see {@link solveMip}); loads the runtime on first use. */
  solve(model: LpModel, options: MipOptions): Promise<MipSolution>;
  /** How many times the runtime was loaded (1 after the first solve; one more after each error). */
  readonly loads: number;
}

/**
 * Holds one HiGHS runtime per worker (or per CLI process): `load` is called on the first solve, and again after a
 * solve fails or loading fails, since a WebAssembly instance that trapped or ran out of memory cannot be trusted.
 * `load` is what the environment provides (in Node, `import("highs")`; in a browser, the same with the bundled
 * `.wasm` asset's URL).
 */
export function createSolverSession(load: () => Promise<HighsRuntime>): SolverSession {
  let runtime: Promise<HighsRuntime> | null = null;
  let loads = 0;
  return {
    get loads() {
      return loads;
    },
    async solve(model, options) {
      if (runtime === null) {
        loads++;
        runtime = load();
      }
      const current = runtime;
      try {
        return solveMip(await current, model, options);
      } catch (error) {
        if (runtime === current) runtime = null;
        throw error;
      }
    },
  };
}
