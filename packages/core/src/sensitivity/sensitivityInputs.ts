import { scaleDuration } from "../interventions/scenarioEdits.js";
import { MIN_FCR } from "../interventions/scenarioEdits.js";
import { distributionMean } from "../random/distributions.js";
import { durationToSeconds } from "../schema/distribution.js";
import type { Intervention, ResolvedIntervention, SingleIntervention } from "../schema/intervention.js";
import type { Money } from "../schema/money.js";
import type { Resolved } from "../schema/uncertain.js";
import type { ResolvedScenario, Scenario } from "../schema/scenario.js";

/** Units an input's values are shown in: fractions as percentages, money in the scenario's currency. */
export type SensitivityUnit = "fraction" | "seconds" | "contacts" | "agents" | "hours" | "weeks" | "money" | "factor";

/** One input of a sensitivity analysis: its value in the scenario and the values tried below and above it. */
export interface SensitivityInput {
  /** Stable id: "volume", "aht", "money.wagePerHour", "intervention.ahtChange", "intervention.1.agents", … */
  id: string;
  label: string;
  unit: SensitivityUnit;
  base: number;
  low: number;
  high: number;
  /** The scenario and intervention with this input set to `value`; everything else as it was. */
  apply: (value: number, target: { scenario: Scenario; intervention: Intervention | undefined }) => { scenario: Scenario; intervention: Intervention | undefined };
}

/** Default half-width of the range tried: each input at its value × (1 − 0.2) and × (1 + 0.2). */
export const DEFAULT_SENSITIVITY_RANGE = 0.2;

export interface SensitivityInputOptions {
  /** Relative half-width of the range (0 < range < 1): low = base × (1 − range), high = base × (1 + range). */
  range?: number;
  /** Ranges to use instead, by input id: explicit low and high values in the input's unit. */
  ranges?: Readonly<Record<string, { low: number; high: number }>>;
}

type Target = { scenario: Scenario; intervention: Intervention | undefined };

/**
 * The inputs a tornado varies for a scenario and, optionally, one of its interventions: the workload (arrival
 * volume, handle time, patience), the staff (shrinkage), the resolution (FCR), the money values that are set (wage,
 * lifetime value, cost of a complaint, sales per contact, offline and online cost per contact, hiring, technology,
 * overhead, discount rate), the satisfaction model's effect sizes (wait, resolution time, repeats, the reference CSAT;
 * with an intervention valued in money, also the churn of satisfied and dissatisfied customers and the complaint
 * propensity when they are priced) and the intervention's own effect sizes and costs (for `combined`, each part's). Inputs
 * whose value is 0 (nothing to scale) or that the scenario lacks (no patience, no money) are left out.
 *
 * Values: each input at base × (1 ± range) unless `ranges` names it; counts of agents change by
 * max(1, round(range × agents)); FCR and shrinkage stay within their bounds. The workload inputs scale every queue
 * (the value shown is the total contacts, or the first queue's mean in seconds, or a factor when queues differ).
 */
export function sensitivityInputs(scenario: ResolvedScenario, intervention?: ResolvedIntervention, options: SensitivityInputOptions = {}): SensitivityInput[] {
  const range = options.range ?? DEFAULT_SENSITIVITY_RANGE;
  if (!(range > 0 && range < 1)) throw new Error(`invalid range: ${range}; expected a fraction between 0 and 1 (0.2 for ±20%)`);
  const inputs: SensitivityInput[] = [];
  const add = (input: Omit<SensitivityInput, "low" | "high"> & { low?: number; high?: number }) => {
    if (input.base === 0 && input.low === undefined) return;
    const explicit = options.ranges?.[input.id];
    inputs.push({ ...input, low: explicit?.low ?? input.low ?? input.base * (1 - range), high: explicit?.high ?? input.high ?? input.base * (1 + range) });
  };
  const onScenario = (change: (scenario: Scenario, value: number) => Scenario) => (value: number, target: Target) => ({ ...target, scenario: change(target.scenario, value) });

  // Workload.
  const volume = scenario.queues.reduce((sum, queue) => sum + forecastTotal(queue.forecast), 0);
  add({ id: "volume", label: "Arrival volume (contacts in the span)", unit: "contacts", base: volume, apply: onScenario((s, value) => scaleVolume(s, value / volume)) });
  const [first] = scenario.queues;
  const aht = distributionMean(durationToSeconds(first!.handle));
  const oneQueue = scenario.queues.length === 1;
  add({
    id: "aht",
    label: oneQueue ? "Handle time (mean)" : "Handle time (every queue, × factor)",
    unit: oneQueue ? "seconds" : "factor",
    base: oneQueue ? aht : 1,
    apply: onScenario((s, value) => scaleQueues(s, "handle", oneQueue ? value / aht : value)),
  });
  const withPatience = scenario.queues.filter((queue) => queue.patience);
  if (withPatience.length > 0) {
    const patience = distributionMean(durationToSeconds(withPatience[0]!.patience!));
    const single = withPatience.length === 1;
    add({
      id: "patience",
      label: single ? "Patience (mean)" : "Patience (every queue, × factor)",
      unit: single ? "seconds" : "factor",
      base: single ? patience : 1,
      apply: onScenario((s, value) => scaleQueues(s, "patience", single ? value / patience : value)),
    });
  }
  // Staff and resolution.
  const shrinkages = [...new Set(scenario.groups.map((group) => group.shrinkage))];
  if (shrinkages.length === 1) {
    const shrinkage = shrinkages[0]!;
    add({ id: "shrinkage", label: "Shrinkage", unit: "fraction", base: shrinkage, high: Math.min(MAX_SHRINKAGE, shrinkage * (1 + range)), apply: onScenario((s, value) => setShrinkage(s, () => value)) });
  } else {
    add({ id: "shrinkage", label: "Shrinkage (every group, × factor)", unit: "factor", base: 1, apply: onScenario((s, value) => setShrinkage(s, (old) => Math.min(MAX_SHRINKAGE, old * value))) });
  }
  const fcr = scenario.resolution.fcr;
  add({
    id: "fcr",
    label: "First-contact resolution",
    unit: "fraction",
    base: fcr,
    low: Math.max(MIN_FCR, fcr * (1 - range)),
    high: Math.min(1, fcr * (1 + range)),
    apply: onScenario((s, value) => ({ ...s, resolution: { ...s.resolution, fcr: value } })),
  });
  // Money.
  const money = scenario.money;
  if (money) {
    const field = (key: keyof Money & string, label: string, unit: SensitivityUnit = "money") => {
      const base = money[key];
      if (typeof base !== "number") return;
      add({ id: `money.${key}`, label, unit, base, apply: onScenario((s, value) => ({ ...s, money: { ...s.money!, [key]: value } })) });
    };
    field("wagePerHour", "Loaded wage per hour");
    field("customerLifetimeValue", "Customer lifetime value");
    if (money.customerLifetimeValue > 0) field("journeysPerCustomer", "Problems per customer within the horizon", "contacts");
    field("costPerComplaint", "Cost per complaint");
    field("revenuePerAnsweredContact", "Cross-sell and up-sell per answered contact");
    field("costPerContactOffline", "Cost per contact offline");
    field("costPerContactOnline", "Cost per contact online");
    field("hiringCostPerAgent", "Hiring cost per agent");
    field("technologyPerSeatPerMonth", "Technology per seat per month");
    field("managementOverhead", "Management overhead (share of wages)", "fraction");
    field("discountRatePerYear", "Discount rate per year", "fraction");
  }
  // The satisfaction model's effect sizes (the articles' rules) and, where money depends on them, its loyalty and
  // complaint assumptions. Read by path, so a scenario without an experience model simply has none of them.
  const experience = (scenario as { experience?: unknown }).experience;
  if (experience && typeof experience === "object") {
    const valued = intervention !== undefined && money !== undefined;
    for (const field of EXPERIENCE_FIELDS) {
      if (field.needs === "lifetimeValue" && !(valued && money!.customerLifetimeValue > 0)) continue;
      if (field.needs === "complaintCost" && !(valued && money!.costPerComplaint > 0)) continue;
      const base = readField(experience, field.path);
      if (typeof base !== "number") continue;
      const bounded = (value: number) => Math.min(field.max ?? Infinity, Math.max(field.min ?? -Infinity, value));
      add({
        id: `experience.${field.path.join(".")}`,
        label: field.label,
        unit: field.unit,
        base,
        low: bounded(base * (1 - range)),
        high: bounded(base * (1 + range)),
        apply: onScenario((s, value) => ({ ...s, experience: writeField((s as { experience?: unknown }).experience, field.path, value) }) as Scenario),
      });
    }
  }
  // The intervention's effect sizes and costs.
  if (intervention) {
    const parts: { part: Resolved<SingleIntervention>; index: number | null }[] =
      intervention.kind === "combined" ? intervention.interventions.map((part, index) => ({ part, index })) : [{ part: intervention, index: null }];
    for (const { part, index } of parts) {
      for (const field of INTERVENTION_FIELDS[part.kind] ?? []) {
        const base = readField(part, field.path);
        if (typeof base !== "number") continue;
        const prefix = index === null ? "intervention" : `intervention.${index}`;
        const integer = field.unit === "agents";
        const step = Math.max(1, Math.round(range * Math.abs(base)));
        add({
          id: `${prefix}.${field.path.join(".")}`,
          label: index === null ? [KIND_TITLES[part.kind], field.label].filter(Boolean).join(": ") : `${part.name}: ${field.label}`,
          unit: field.unit,
          base,
          ...(integer && { low: base - Math.sign(base || 1) * step, high: base + Math.sign(base || 1) * step }),
          ...(field.max !== undefined && { high: Math.min(field.max, base * (1 + range)) }),
          apply: (value, target) => ({ ...target, intervention: setInterventionField(target.intervention!, index, field.path, value) }),
        });
      }
    }
  }
  return inputs;
}

const MAX_SHRINKAGE = 0.95;

interface ExperienceField {
  path: string[];
  label: string;
  unit: SensitivityUnit;
  min?: number;
  max?: number;
  /** Only worth varying when the money counts what it moves. */
  needs?: "lifetimeValue" | "complaintCost";
}

// The satisfaction model's inputs that move CSAT and, through churn and complaints, the money.
const EXPERIENCE_FIELDS: ExperienceField[] = [
  { path: ["wait", "changePerMinute"], label: "Satisfaction change per minute of waiting", unit: "fraction", min: -1, max: 0 },
  { path: ["resolutionTime", "changePerTenPercentCut"], label: "Satisfaction gain per 10% shorter resolution", unit: "fraction", min: 0, max: 1 },
  { path: ["repeats", "changePerFivePointsFewer"], label: "Satisfaction gain per 5 points fewer repeats", unit: "fraction", min: 0, max: 0.12 },
  { path: ["referenceCsat"], label: "CSAT of the reference center", unit: "fraction", min: 0.05, max: 0.95 },
  { path: ["loyalty", "dissatisfied", "churn"], label: "Churn of dissatisfied customers", unit: "fraction", min: 0, max: 1, needs: "lifetimeValue" },
  { path: ["loyalty", "satisfied", "churn"], label: "Churn of satisfied customers", unit: "fraction", min: 0, max: 1, needs: "lifetimeValue" },
  { path: ["complaints", "dissatisfiedPropensity"], label: "Complaint propensity of the dissatisfied", unit: "fraction", min: 0, max: 1, needs: "complaintCost" },
];

interface FieldSpec {
  path: string[];
  label: string;
  unit: SensitivityUnit;
  max?: number;
}

// How a single intervention's inputs are labelled (a part of `combined` is labelled by its own name instead).
const KIND_TITLES: Partial<Record<SingleIntervention["kind"], string>> = {
  training: "Training",
  processChange: "Process change",
  channelShift: "Channel shift",
  feedbackChannels: "Feedback channels",
};

// The effect sizes and costs of each kind that a tornado varies (moveShift has none worth scaling).
const INTERVENTION_FIELDS: Partial<Record<SingleIntervention["kind"], FieldSpec[]>> = {
  addAgents: [{ path: ["agents"], label: "Agents added", unit: "agents" }],
  removeAgents: [{ path: ["agents"], label: "Agents removed", unit: "agents" }],
  addShift: [{ path: ["shift", "agents"], label: "Agents on the new shift", unit: "agents" }],
  lengthenShift: [{ path: ["hours"], label: "Hours added to the shift", unit: "hours" }],
  training: [
    { path: ["ahtChange"], label: "change of handle time", unit: "fraction" },
    { path: ["fcrChange"], label: "FCR gain (points)", unit: "fraction" },
    { path: ["satisfactionChange"], label: "satisfaction effect", unit: "fraction" },
    { path: ["hoursOffFloor"], label: "hours off the floor", unit: "hours" },
    { path: ["learningCurveWeeks"], label: "learning curve", unit: "weeks" },
    { path: ["costPerTrainee"], label: "cost per trainee", unit: "money" },
    { path: ["oneOffCost"], label: "one-off cost", unit: "money" },
  ],
  processChange: [
    { path: ["resolutionTimeChange"], label: "change of resolution time", unit: "fraction" },
    { path: ["fcrChange"], label: "FCR gain (points)", unit: "fraction" },
    { path: ["ahtChange"], label: "change of handle time", unit: "fraction" },
    { path: ["oneOffCost"], label: "one-off cost", unit: "money" },
    { path: ["perMonthCost"], label: "cost per month", unit: "money" },
  ],
  channelShift: [
    { path: ["share"], label: "share of contacts moved", unit: "fraction", max: 1 },
    { path: ["oneOffCost"], label: "one-off cost", unit: "money" },
    { path: ["perMonthCost"], label: "cost per month", unit: "money" },
  ],
  feedbackChannels: [
    { path: ["satisfactionChange"], label: "satisfaction effect", unit: "fraction" },
    { path: ["surveyResponseChange"], label: "change of survey response", unit: "fraction" },
    { path: ["oneOffCost"], label: "one-off cost", unit: "money" },
    { path: ["perMonthCost"], label: "cost per month", unit: "money" },
  ],
};

function readField(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined), value);
}

function writeField<T>(value: T, path: string[], next: number): T {
  const [key, ...rest] = path;
  const record = value as Record<string, unknown>;
  return { ...record, [key!]: rest.length === 0 ? next : writeField(record[key!], rest, next) } as T;
}

function setInterventionField(intervention: Intervention, index: number | null, path: string[], value: number): Intervention {
  if (index === null || intervention.kind !== "combined") return writeField(intervention, path, value);
  return { ...intervention, interventions: intervention.interventions.map((part, i) => (i === index ? writeField(part, path, value) : part)) };
}

function forecastTotal(forecast: Scenario["queues"][number]["forecast"]): number {
  const values = "dailyContacts" in forecast ? forecast.dailyContacts : forecast.intervalContacts;
  return values.reduce((sum, value) => sum + value, 0);
}

function scaleVolume(scenario: Scenario, factor: number): Scenario {
  return {
    ...scenario,
    queues: scenario.queues.map((queue) => {
      const forecast = queue.forecast;
      return "dailyContacts" in forecast
        ? { ...queue, forecast: { ...forecast, dailyContacts: forecast.dailyContacts.map((value) => value * factor) } }
        : { ...queue, forecast: { ...forecast, intervalContacts: forecast.intervalContacts.map((value) => value * factor) } };
    }),
  };
}

function scaleQueues(scenario: Scenario, field: "handle" | "patience", factor: number): Scenario {
  return {
    ...scenario,
    queues: scenario.queues.map((queue) => {
      const spec = queue[field];
      return spec ? { ...queue, [field]: scaleDuration(spec, factor) } : queue;
    }),
  };
}

function setShrinkage(scenario: Scenario, change: (old: number) => number): Scenario {
  return { ...scenario, groups: scenario.groups.map((group) => ({ ...group, shrinkage: change(group.shrinkage) })) };
}
