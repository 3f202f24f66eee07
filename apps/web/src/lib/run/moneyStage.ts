// The money of a comparison: each chosen intervention evaluated phase by phase against the baseline (core's
// evaluationsJob: in class, learning curve, steady state…), then its ROI, payback and NPV over the financial horizon.
// Runs the comparison already made are not made again: their span KPIs are reused, replication by replication.
import { interventionLevers, type Intervention, type InterventionEvaluation, type InterventionLever, type InterventionMoney, type KpiSummary } from "@ccplan/core";

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
  /** What the intervention moves at full effect, and whether the queue depends on it (core's `interventionLevers`);
   * absent from runs kept before it was carried. */
  levers?: InterventionLever[];
  replications: number;
  phases: PhaseView[];
  /** Null when the scenario has no money section. */
  money: InterventionMoney | null;
  /** Each simulated year's ROI and payback month (core's year at each replication's draws), in replication order
   * (NaN: undefined, e.g. it never pays back). */
  roiByReplication: Float64Array;
  paybackMonthByReplication: Float64Array;
}

/** An evaluation in the page's shape, with core's per-replication ROI and payback month for the distribution chart. */
export function moneyView(intervention: Intervention, evaluation: InterventionEvaluation): MoneyView {
  return {
    name: evaluation.name,
    kind: intervention.kind,
    levers: interventionLevers(intervention),
    replications: evaluation.replications,
    phases: evaluation.phases.map((phase) => ({ label: phase.label, startWeek: phase.startWeek, weeks: phase.weeks, kpis: phase.kpis, deltas: phase.deltas })),
    money: evaluation.money,
    roiByReplication: Float64Array.from(evaluation.draws?.roi ?? []),
    paybackMonthByReplication: Float64Array.from(evaluation.draws?.paybackMonth ?? []),
  };
}
