import type { RunPhaseAsync } from "../economics/phases.js";
import { createPhaseRunner } from "../economics/simulatePhase.js";
import type { KpiSample } from "../economics/kpiSample.js";
import type { Scenario } from "../schema/scenario.js";
import { summarize, type KpiSummary } from "../stats/summary.js";
import { centralValue, type UncertainNumber } from "../schema/uncertain.js";

/**
 * Anchor the experience model to a center's own figures. The articles' rules hold exactly at a reference center (CSAT
 * `experience.referenceCsat`, answering at once, the reference resolution time and repeat rate) and on the log-odds
 * scale elsewhere; the level of satisfaction at a real center is not something the articles give. The center's
 * observed CSAT, with the number of survey answers behind it, identifies that level; optionally its NPS, complaint
 * rate or churn identify one level each of the loyalty and complaint settings:
 *
 * - CSAT → `experience.referenceCsat`, solved so that the simulated baseline's expected CSAT (`csatExpected`: the
 *   share the survey estimates, without the survey's own noise) equals the observed one. Every contact's log-odds
 *   moves with it; the rules' relative effects stay as calibrated. Solved by the secant method on the log-odds of
 *   referenceCsat, every trial on the same seeds (common random numbers), so the simulated CSAT is a smooth function of it.
 * - churn → the level of the churn shares of satisfied and dissatisfied customers, their ratio held (a churn rate is
 *   exactly linear in them given the simulation: no rerun).
 * - NPS → the level of the promoter shares of both classes, their ratio held, the detractor shares as they are (NPS is
 *   linear in them given the simulation).
 * - complaint rate → `experience.complaints.dissatisfiedPropensity` (secant on its log-odds, rerunning).
 *
 * Each anchored parameter gets the range that the figure's sampling error allows: the figure ± 1.96 standard errors
 * (a binomial share for CSAT and churn, NPS's multinomial error at the anchored shares, a Poisson count for
 * complaints), each end solved like the figure itself. The fit shows each figure observed against the model's, before
 * and after. A level that cannot reach the figure (a share beyond 0 or 1) is set at its bound and the fit says so.
 */

/** A figure the center observed, with the count it was measured on (survey answers, customers, contacts). */
export interface ObservedFigure {
  value: number;
  /** Survey answers (CSAT, NPS), customers (churn) or contacts offered (complaint rate) behind the figure. */
  count?: number;
}

export interface CenterFigures {
  /** Share of surveyed contacts satisfied (0–1), with the number of survey answers. */
  csat: ObservedFigure & { count: number };
  /** Net promoter score (−100 to 100). */
  nps?: ObservedFigure;
  /** Complaints per contact offered. */
  complaintRate?: ObservedFigure;
  /** Share of contacting customers lost over the financial horizon. */
  churn?: ObservedFigure;
}

export type AnchoredFigure = keyof CenterFigures;

/** A parameter the figures identify: its anchored value and the range the figure's sampling error allows. */
export interface AnchoredParameter {
  /** Dotted path in the scenario, e.g. `experience.referenceCsat`. */
  path: string;
  value: number;
  low: number;
  high: number;
  figure: AnchoredFigure;
  /** The source to record with it (grade `measured`). */
  source: string;
}

/** One figure: what the center observed, its 95% range, and the model's before and after anchoring. */
export interface AnchorFit {
  figure: AnchoredFigure;
  /** The KPI it is compared with. */
  kpi: "csatExpected" | "nps" | "complaintRate" | "churnRate";
  observed: number;
  observedRange: [number, number];
  before: KpiSummary;
  after: KpiSummary;
  /** Null when the model reaches the figure; else why it cannot. */
  limit: string | null;
}

export interface Anchoring {
  parameters: AnchoredParameter[];
  fit: AnchorFit[];
  replications: number;
  /** How the levels were solved, in words. */
  method: string;
}

/** Replications per trial: enough for a CSAT steady to a few tenths of a point on a week. */
export const ANCHOR_REPLICATIONS = 6;
const Z95 = 1.959963984540054;
// referenceCsat's schema bounds.
const REFERENCE_MIN = 0.05;
const REFERENCE_MAX = 0.95;

export const ANCHOR_METHOD =
  "CSAT sets the reference center's CSAT (experience.referenceCsat) so that the simulated expected CSAT equals it; churn and NPS set the level of the churn and promoter shares, their ratio between satisfied and dissatisfied customers held; the complaint rate sets the complaint propensity; each range is the figure's 95% sampling error (binomial, or Poisson for complaints) carried through the same solve";

/** Checks the figures; returns the first problem, naming the field, the value and what was expected. */
export function checkCenterFigures(figures: CenterFigures): string | null {
  const share = (name: string, figure: ObservedFigure | undefined, countName: string) => {
    if (!figure) return null;
    if (!(figure.value > 0 && figure.value < 1)) return `${name}: ${figure.value} is not a share strictly between 0 and 1`;
    if (figure.count !== undefined && !(Number.isInteger(figure.count) && figure.count >= 1)) return `${name}: ${countName} ${figure.count} is not a whole number ≥ 1`;
    return null;
  };
  if (!figures.csat) return "csat: missing (the observed CSAT and its survey count are required)";
  if (!(Number.isInteger(figures.csat.count) && figures.csat.count >= 1)) return `csat: survey count ${figures.csat.count} is not a whole number ≥ 1`;
  const nps = figures.nps;
  if (nps && !(nps.value > -100 && nps.value < 100)) return `nps: ${nps.value} is not a score strictly between −100 and 100`;
  return share("csat", figures.csat, "survey count") ?? share("churn", figures.churn, "customer count") ?? share("complaintRate", figures.complaintRate, "contact count");
}

/** Solves the parameters the figures identify on the scenario's baseline (its interventions ignored). */
export async function anchorToCenter(options: {
  scenario: Scenario;
  figures: CenterFigures;
  replications?: number;
  /** How a baseline is simulated (default: core's, in this thread); a worker pool's may be asynchronous. */
  runPhase?: RunPhaseAsync;
}): Promise<Anchoring> {
  const problem = checkCenterFigures(options.figures);
  if (problem) throw new Error(problem);
  const replications = options.replications ?? ANCHOR_REPLICATIONS;
  const runPhase = options.runPhase ?? createPhaseRunner();
  const { figures } = options;
  const baseline: Scenario = { ...options.scenario, interventions: [] };
  // At the central values of every other input (no draws): the figure is matched by the model's central prediction.
  const run = async (scenario: Scenario) => await runPhase({ scenario, replications, pairedWith: [scenario], recipe: { scenario, assumptions: "fixed" } });
  const before = await run(baseline);
  const mean = (samples: readonly KpiSample[], id: string) => summarize(samples.map((sample) => sample[id] as number | null)).mean ?? Number.NaN;

  // CSAT → referenceCsat.
  const withReference = (value: number): Scenario => ({ ...baseline, experience: { ...baseline.experience, referenceCsat: value } });
  const csatAt = async (reference: number) => mean(await run(withReference(reference)), "csatExpected");
  const csat = figures.csat;
  const csatError = Z95 * Math.sqrt((csat.value * (1 - csat.value)) / csat.count);
  const csatRange: [number, number] = [Math.max(1e-6, csat.value - csatError), Math.min(1 - 1e-6, csat.value + csatError)];
  const start = numberAt(baseline.experience.referenceCsat);
  const solveReference = (target: number, guess: number) => solveMonotone((x) => csatAt(sigmoid(x)), target, logit(guess), logit(REFERENCE_MIN), logit(REFERENCE_MAX));
  const central = await solveReference(csat.value, start);
  const reference = sigmoid(central.x);
  const lowEnd = await solveReference(csatRange[0], reference);
  const highEnd = await solveReference(csatRange[1], reference);
  const parameters: AnchoredParameter[] = [
    {
      path: "experience.referenceCsat",
      value: reference,
      low: Math.min(sigmoid(lowEnd.x), sigmoid(highEnd.x)),
      high: Math.max(sigmoid(lowEnd.x), sigmoid(highEnd.x)),
      figure: "csat",
      source: `anchored to the center's CSAT ${percent(csat.value)} from ${csat.count} survey answers (range: its 95% sampling error)`,
    },
  ];
  const anchored = withReference(reference);
  const limits: Partial<Record<AnchoredFigure, string>> = {};
  const ranges: Partial<Record<AnchoredFigure, [number, number]>> = { csat: csatRange };
  if (central.limit) limits.csat = `the simulated CSAT cannot reach ${percent(csat.value)} with the reference center's CSAT within [${REFERENCE_MIN}, ${REFERENCE_MAX}]`;
  else if (lowEnd.limit || highEnd.limit) {
    const end = lowEnd.limit ? csatRange[0] : csatRange[1];
    limits.csat = `the simulated CSAT cannot reach ${percent(end)}, an end of the survey's range: the range of the reference center's CSAT stops at its bound`;
  }
  const afterCsat = await run(anchored);

  const loyalty = anchored.experience.loyalty;
  const shares = {
    satisfied: { promoters: numberAt(loyalty.satisfied.promoters), detractors: numberAt(loyalty.satisfied.detractors), churn: numberAt(loyalty.satisfied.churn) },
    dissatisfied: { promoters: numberAt(loyalty.dissatisfied.promoters), detractors: numberAt(loyalty.dissatisfied.detractors), churn: numberAt(loyalty.dissatisfied.churn) },
  };
  // The share of journeys that ended satisfied, per replication, read back from the churn rate (linear in it).
  const churnGap = shares.dissatisfied.churn - shares.satisfied.churn;
  const satisfiedShare = Math.abs(churnGap) > 1e-12 ? (shares.dissatisfied.churn - mean(afterCsat, "churnRate")) / churnGap : Number.NaN;

  // Churn → the level of the churn shares (ratio held).
  if (figures.churn) {
    const modelChurn = mean(afterCsat, "churnRate");
    const count = figures.churn.count;
    const error = count ? Z95 * Math.sqrt((figures.churn.value * (1 - figures.churn.value)) / count) : 0;
    const maxLevel = 1 / Math.max(shares.satisfied.churn, shares.dissatisfied.churn, 1e-12);
    const levelAt = (target: number) => Math.min(maxLevel, Math.max(0, target / modelChurn));
    const level = levelAt(figures.churn.value);
    ranges.churn = [figures.churn.value - error, figures.churn.value + error];
    if (figures.churn.value / modelChurn > maxLevel) limits.churn = `churn ${percent(figures.churn.value)} would need a churn share above 100%`;
    for (const who of ["satisfied", "dissatisfied"] as const) {
      parameters.push({
        path: `experience.loyalty.${who}.churn`,
        value: shares[who].churn * level,
        low: shares[who].churn * levelAt(figures.churn.value - error),
        high: shares[who].churn * levelAt(figures.churn.value + error),
        figure: "churn",
        source: `anchored to the center's churn ${percent(figures.churn.value)}${count ? ` of ${count} customers` : ""} (the ratio of dissatisfied to satisfied customers' churn held${count ? "; range: its 95% sampling error" : ""})`,
      });
    }
  }

  // NPS → the level of the promoter shares (ratio held), detractors as they are.
  if (figures.nps) {
    const s = Number.isFinite(satisfiedShare) ? Math.min(1, Math.max(0, satisfiedShare)) : mean(afterCsat, "csatExpected");
    const promoters = s * shares.satisfied.promoters + (1 - s) * shares.dissatisfied.promoters;
    const detractors = s * shares.satisfied.detractors + (1 - s) * shares.dissatisfied.detractors;
    const maxLevel = Math.min(
      (1 - shares.satisfied.detractors) / Math.max(1e-12, shares.satisfied.promoters),
      (1 - shares.dissatisfied.detractors) / Math.max(1e-12, shares.dissatisfied.promoters),
    );
    const levelAt = (nps: number) => Math.min(maxLevel, Math.max(0, (nps / 100 + detractors) / Math.max(1e-12, promoters)));
    const value = figures.nps.value;
    const level = levelAt(value);
    const p = promoters * level;
    const count = figures.nps.count;
    // NPS's standard error with promoter and detractor shares p and d: 100·√((p + d − (p − d)²) / n).
    const error = count ? Z95 * 100 * Math.sqrt(Math.max(0, p + detractors - (p - detractors) ** 2) / count) : 0;
    ranges.nps = [value - error, value + error];
    if ((value / 100 + detractors) / promoters > maxLevel) limits.nps = `NPS ${value} would need promoter shares above what the detractor shares leave`;
    else if (value / 100 + detractors < 0) limits.nps = `NPS ${value} is below what the detractor shares allow with no promoters`;
    for (const who of ["satisfied", "dissatisfied"] as const) {
      parameters.push({
        path: `experience.loyalty.${who}.promoters`,
        value: shares[who].promoters * level,
        low: shares[who].promoters * levelAt(value - error),
        high: shares[who].promoters * levelAt(value + error),
        figure: "nps",
        source: `anchored to the center's NPS ${value}${count ? ` from ${count} answers` : ""} (the ratio of satisfied to dissatisfied customers' promoter shares held, detractor shares as they were${count ? "; range: its 95% sampling error" : ""})`,
      });
    }
  }

  // Complaint rate → the complaint propensity of a dissatisfied customer (rerun: not linear in it).
  if (figures.complaintRate) {
    const withPropensity = (propensity: number): Scenario => ({
      ...anchored,
      experience: { ...anchored.experience, complaints: { ...anchored.experience.complaints, dissatisfiedPropensity: propensity } },
    });
    const rateAt = async (x: number) => mean(await run(withPropensity(sigmoid(x))), "complaintRate");
    const value = figures.complaintRate.value;
    const count = figures.complaintRate.count;
    const error = count ? Z95 * Math.sqrt(value / count) : 0;
    ranges.complaintRate = [Math.max(0, value - error), value + error];
    const guess = logit(Math.min(0.99, Math.max(1e-4, numberAt(anchored.experience.complaints.dissatisfiedPropensity))));
    const solve = (target: number) => solveMonotone(rateAt, target, guess, logit(1e-6), logit(1 - 1e-6));
    const centralPropensity = await solve(value);
    if (centralPropensity.limit) limits.complaintRate = `a complaint rate of ${percent(value)} is beyond what the dissatisfied contacts can make`;
    const ends = count ? [await solve(Math.max(1e-9, value - error)), await solve(value + error)].map((end) => sigmoid(end.x)) : [sigmoid(centralPropensity.x), sigmoid(centralPropensity.x)];
    parameters.push({
      path: "experience.complaints.dissatisfiedPropensity",
      value: sigmoid(centralPropensity.x),
      low: Math.min(...ends),
      high: Math.max(...ends),
      figure: "complaintRate",
      source: `anchored to the center's complaint rate ${percent(value)}${count ? ` of ${count} contacts (range: its 95% sampling error)` : ""}`,
    });
  }

  const after = await run({ ...anchoredScenario(options.scenario, { parameters }), interventions: [] });
  const fitOf = (figure: AnchoredFigure, kpi: AnchorFit["kpi"], observed: number): AnchorFit => ({
    figure,
    kpi,
    observed,
    observedRange: ranges[figure] ?? [observed, observed],
    before: summarize(before.map((sample) => sample[kpi] as number | null)),
    after: summarize(after.map((sample) => sample[kpi] as number | null)),
    limit: limits[figure] ?? null,
  });
  const fit: AnchorFit[] = [fitOf("csat", "csatExpected", csat.value)];
  if (figures.churn) fit.push(fitOf("churn", "churnRate", figures.churn.value));
  if (figures.nps) fit.push(fitOf("nps", "nps", figures.nps.value));
  if (figures.complaintRate) fit.push(fitOf("complaintRate", "complaintRate", figures.complaintRate.value));
  return { parameters, fit, replications, method: ANCHOR_METHOD };
}

/**
 * An anchored parameter as a scenario value: graded `measured`, with its source, and its sampling range as a
 * triangular distribution from the low to the high end of the 95% interval around the anchored value (the value the
 * model uses when assumptions are fixed; drawn within the range otherwise). A range of no width is a graded value.
 */
export function anchoredValue(parameter: AnchoredParameter): UncertainNumber {
  const low = Math.min(parameter.low, parameter.value);
  const high = Math.max(parameter.high, parameter.value);
  const round = (value: number) => Number(value.toPrecision(6));
  if (!(high - low > 1e-9 * Math.max(1, Math.abs(parameter.value)))) return { value: round(parameter.value), grade: "measured", source: parameter.source };
  return { uncertain: "triangular", low: round(low), mode: round(parameter.value), high: round(high), grade: "measured", source: parameter.source };
}

/**
 * The scenario with the anchored parameters written in (`anchoredValue`: graded measured, with their range). Works on
 * a parsed scenario or on the file's own JSON (where a missing section is added), so nothing else the user wrote
 * changes.
 */
export function anchoredScenario<T extends object>(scenario: T, anchoring: Pick<Anchoring, "parameters">): T {
  const copy = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
  for (const parameter of anchoring.parameters) setPath(copy, parameter.path, anchoredValue(parameter));
  return copy as unknown as T;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/**
 * Solves f(x) = target for f increasing, by the secant method from `guess`, kept inside [lo, hi] (a bracket is
 * narrowed as trials fall on either side). `limit` is true when the target lies beyond f's values at the bounds.
 */
async function solveMonotone(f: (x: number) => Promise<number>, target: number, guess: number, lo: number, hi: number): Promise<{ x: number; limit: boolean }> {
  let x0 = Math.min(hi, Math.max(lo, guess));
  let f0 = (await f(x0)) - target;
  if (Math.abs(f0) < 1e-5) return { x: x0, limit: false };
  let x1 = Math.min(hi, Math.max(lo, x0 - Math.sign(f0) * 0.5));
  let f1 = (await f(x1)) - target;
  let low = { x: lo, f: Number.NaN };
  let high = { x: hi, f: Number.NaN };
  const note = (x: number, value: number) => {
    if (value < 0 && x >= low.x) low = { x, f: value };
    if (value > 0 && x <= high.x) high = { x, f: value };
  };
  note(x0, f0);
  note(x1, f1);
  for (let iteration = 0; iteration < 30; iteration++) {
    if (Math.abs(f1) < 1e-5) return { x: x1, limit: false };
    let next = f1 !== f0 ? x1 - (f1 * (x1 - x0)) / (f1 - f0) : Number.NaN;
    if (!Number.isFinite(next) || next <= low.x || next >= high.x) {
      // Outside the bracket: step towards the side the target lies on, or bisect a known bracket.
      if (Number.isNaN(low.f) && f1 > 0) next = Math.max(lo, x1 - 1);
      else if (Number.isNaN(high.f) && f1 < 0) next = Math.min(hi, x1 + 1);
      else next = (low.x + high.x) / 2;
    }
    if (next === x1) return { x: x1, limit: (next === lo && f1 > 0) || (next === hi && f1 < 0) };
    x0 = x1;
    f0 = f1;
    x1 = next;
    f1 = (await f(x1)) - target;
    note(x1, f1);
    if ((x1 === lo && f1 > 0) || (x1 === hi && f1 < 0)) return { x: x1, limit: true };
  }
  return { x: x1, limit: false };
}

/** The central value of a scenario number (plain, graded or uncertain): what the model uses with assumptions fixed. */
const numberAt = (value: UncertainNumber): number => centralValue(value);

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const percent = (share: number) => `${(100 * share).toFixed(1)}%`;
