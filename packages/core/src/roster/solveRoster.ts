import type { MipSolution, SolverSession } from "./mipSolver.js";
import type { RosterModel } from "./rosterModel.js";
import { RosterInputError } from "./rosterLimits.js";

/** How long and how precisely to solve a roster program. */
export interface RosterSolveOptions {
  /** Wall-clock limit of the whole solve, seconds. */
  timeLimitSec: number;
  /** Relative gap at which to stop (0.01: a roster within 1% of the best possible). */
  mipRelGap: number;
}

/**
 * Solves a roster program with HiGHS in three steps, all of them HiGHS solves: the linear relaxation (the lower bound,
 * and where good rosters lie); a search restricted to rounding the relaxation's values down or up (RENS, Berthold 2014,
 * "RENS: the optimal rounding", Mathematical Programming Computation 6(1)), which finds a roster within a fraction of a
 * percent of the bound in a fraction of a second; then the full program started from that roster, which stops at once
 * when it is within `mipRelGap` of the bound or searches for a better one until the time limit. Without the start,
 * HiGHS spends most of its time on cuts at the root before its own rounding heuristics run (measured: 10–20 s against
 * under 1 s on a week of 15-minute slots with three templates).
 * @throws RosterInputError (without a path: the caller knows the group) when even the relaxation has no solution: the
 * limits contradict each other (shortfalls make any requirement feasible, so only the limits can).
 */
export async function solveRoster(session: SolverSession, built: RosterModel, options: RosterSolveOptions): Promise<MipSolution> {
  const { model } = built;
  let left = options.timeLimitSec;
  const relaxed = await session.solve(model, { timeLimitSec: left, mipRelGap: options.mipRelGap, relaxation: true });
  left -= relaxed.solveSec;
  if (!relaxed.feasible) {
    throw new RosterInputError({
      path: "",
      message: `the roster's limits cannot all hold (HiGHS: ${relaxed.status}); expected maxAgentsAtOnce and maxWeeklyHours that leave room for the templates' minAgents`,
      received: "limits that contradict each other",
      expected: "limits a roster can keep",
    });
  }
  const lower = new Float64Array(model.variables.length);
  const upper = new Float64Array(model.variables.length);
  model.variables.forEach((variable, index) => {
    const value = relaxed.values[index]!;
    lower[index] = variable.integer ? Math.max(variable.lower, Math.floor(value + 1e-6)) : variable.lower;
    upper[index] = variable.integer ? Math.min(variable.upper, Math.max(lower[index]!, Math.ceil(value - 1e-6))) : variable.upper;
  });
  // The rounding search is what finds the roster: it gets most of the time left (it needs a fraction of a second on an
  // idle core, but a loaded machine stretches every second of wall-clock time).
  const rounded = await session.solve(model, { timeLimitSec: Math.max(0.5, left * 0.8), mipRelGap: options.mipRelGap / 2, bounds: { lower, upper } });
  left -= rounded.solveSec;
  const full = await session.solve(model, { timeLimitSec: Math.max(0.5, left), mipRelGap: options.mipRelGap, ...(rounded.feasible && { start: rounded.values }) });
  const solveSec = relaxed.solveSec + rounded.solveSec + full.solveSec;
  const best = full.feasible && (!rounded.feasible || full.objective <= rounded.objective) ? full : rounded;
  if (!best.feasible) return { ...full, solveSec };
  // The relaxation's optimum bounds every integer roster; the full solve may have proved more.
  const lowerBound = Math.min(best.objective, Math.max(relaxed.objective, full.feasible ? full.lowerBound : -Infinity));
  const gap = best.objective === 0 ? 0 : Math.max(0, (best.objective - lowerBound) / Math.abs(best.objective));
  return { ...best, lowerBound, gap, status: gap <= options.mipRelGap + 1e-9 && best.status !== "optimal" ? "optimal" : best.status, solveSec };
}
