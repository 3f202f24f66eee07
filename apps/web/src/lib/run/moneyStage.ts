// The money of a comparison: each chosen intervention evaluated phase by phase against the baseline (core's
// evaluationsJob: in class, learning curve, steady state…), then its ROI, payback and NPV over the financial horizon.
// Runs the comparison already made are not made again: their span KPIs are reused, replication by replication.
import {
  moneyReplications,
  moneySchema,
  resolveCentral,
  type Intervention,
  type InterventionEvaluation,
  type InterventionMoney,
  type KpiSummary,
  type Scenario,
} from "@ccplan/core";

/** A phase of an intervention's timeline as the page shows it (its per-replication samples left behind). */
export interface PhaseView {
  label: string;
  startWeek: number;
  weeks: number | null;
  kpis: Record<string, KpiSummary>;
  deltas: Record<string, KpiSummary>;
}

/** One intervention's money and timeline for the page. */
export interface MoneyView {
  name: string;
  kind: Intervention["kind"];
  replications: number;
  phases: PhaseView[];
  /** Null when the scenario has no money section. */
  money: InterventionMoney | null;
  /** Each simulated future's ROI and payback month, in replication order (NaN: undefined, e.g. it never pays back). */
  roiByReplication: Float64Array;
  paybackMonthByReplication: Float64Array;
}

/** An evaluation in the page's shape, with core's per-replication ROI and payback month for the distribution chart. */
export function moneyView(scenario: Scenario, intervention: Intervention, evaluation: InterventionEvaluation): MoneyView {
  let roi = new Float64Array(0);
  let payback = new Float64Array(0);
  if (evaluation.money && scenario.money) {
    const { replications } = moneyReplications({ money: resolveCentral(moneySchema.parse(scenario.money)), costLines: evaluation.money.costLines, phases: evaluation.phases });
    roi = Float64Array.from(replications, (replication) => replication.roi ?? Number.NaN);
    payback = Float64Array.from(replications, (replication) => replication.paybackMonth ?? Number.NaN);
  }
  return {
    name: evaluation.name,
    kind: intervention.kind,
    replications: evaluation.replications,
    phases: evaluation.phases.map((phase) => ({ label: phase.label, startWeek: phase.startWeek, weeks: phase.weeks, kpis: phase.kpis, deltas: phase.deltas })),
    money: evaluation.money,
    roiByReplication: roi,
    paybackMonthByReplication: payback,
  };
}
