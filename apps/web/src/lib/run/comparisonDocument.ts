import { type AssumptionsView, type CostLine, type FullDecision, type InterventionEvaluation, type InterventionMoney, type PairedComparison, type PhaseResult, type RunStatistics } from "@ccplan/core";
import type { PrecisionOutcome } from "@ccplan/worker";

/** A comparison in the shape of `ccplan compare --json`, so a file saved from the page reads like one from the CLI. */
export interface ComparisonDocument {
  scenario: string;
  seed: number;
  replications: number;
  /** Which uncertainty the figures carry (see `ccplan compare --fixed-assumptions`). */
  assumptions: AssumptionsView;
  precision?: PrecisionOutcome;
  baseline: RunStatistics;
  interventions: (Omit<RunStatistics, "scenario" | "seed" | "replications" | "targetServiceLevel" | "queues" | "intervalQuantiles"> & {
    name: string;
    costLines: CostLine[];
    deltas: PairedComparison["variants"][number]["deltas"];
    /** Over the financial horizon, against the baseline (null without a money section). */
    money: InterventionMoney | null;
    /** The intervention's timeline, phase by phase (per-replication samples left out). */
    phases: Omit<PhaseResult, "baseline" | "intervention">[];
  })[];
  /** The probability each option is best (null without money). */
  decision: FullDecision | null;
}

/** Puts a paired run's statistics and deltas together as the CLI's JSON does (interval and day rows carry their deltas). */
export function comparisonDocument(options: {
  names: string[];
  costLines: CostLine[][];
  outcome: { baseline: RunStatistics; variants: RunStatistics[]; comparison: PairedComparison; precision?: PrecisionOutcome };
  /** One per intervention, in the order of `names[1…]`. */
  evaluations: InterventionEvaluation[];
  assumptions: AssumptionsView;
  /** The decision block (core's fullDecision), computed once for the page and the file. */
  decision: FullDecision | null;
}): ComparisonDocument {
  const { outcome } = options;
  return {
    scenario: outcome.baseline.scenario,
    seed: outcome.baseline.seed,
    replications: outcome.comparison.replications,
    assumptions: options.assumptions,
    ...(outcome.precision && { precision: outcome.precision }),
    baseline: outcome.baseline,
    interventions: outcome.variants.map((statistics, v) => {
      const deltas = outcome.comparison.variants[v]!;
      return {
        name: options.names[v + 1]!,
        costLines: options.costLines[v + 1]!,
        kpis: statistics.kpis,
        deltas: deltas.deltas,
        targetMet: statistics.targetMet,
        days: statistics.days.map((day, d) => ({ ...day, deltas: deltas.days[d]!.deltas })),
        intervals: statistics.intervals.map((interval, i) => ({ ...interval, deltas: deltas.intervals[i]!.deltas })),
        money: options.evaluations[v]?.money ?? null,
        phases: (options.evaluations[v]?.phases ?? []).map(({ baseline: _b, intervention: _i, ...phase }) => phase),
      };
    }),
    decision: options.decision,
  };
}
