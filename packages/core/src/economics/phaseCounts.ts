import type { Money } from "../schema/money.js";
import { kpiValue, type KpiSample } from "./kpiSample.js";

/** The four benefits the money model counts (negative: the intervention loses). */
export interface BenefitParts {
  /** Customers kept from churning: the customer-months they stay within the horizon × a monthly margin. */
  retention: number;
  /** Complaints avoided × `costPerComplaint`. */
  complaints: number;
  /** Extra problems answered by an agent × `revenuePerAnsweredContact` (cross-sell and up-sell). */
  sales: number;
  /** The baseline's variable contact cost minus the intervention's (offline and online contacts × their costs). */
  channelSubstitution: number;
}

export const BENEFIT_PARTS = ["retention", "complaints", "sales", "channelSubstitution"] as const satisfies readonly (keyof BenefitParts)[];

/** Why a benefit could not be counted: its money value is set but the engine reports none of the KPIs it needs. */
export const BENEFIT_NEEDS: Record<keyof BenefitParts, string> = {
  retention: "customersLost or churnRate",
  complaints: "complaints or complaintRate",
  sales: "journeysAnswered or answered",
  channelSubstitution: "onlineShare and offered",
};

/**
 * What one replication of one phase changes over its simulated span: intervention − baseline, paired on the same
 * seed and replication. A count undefined in one replication (null) counts as no change.
 */
export interface PhaseDifferences {
  /** Customers expected to leave within the horizon (fewer is better). */
  customersLost: number;
  complaints: number;
  /** Problems answered by an agent, on which sales through service count. */
  salesContacts: number;
  /** Contacts served offline and online (their variable costs). */
  offline: number;
  online: number;
  /** For cost-effectiveness: contacts abandoned, and the service level (a fraction). */
  abandoned: number;
  serviceLevel: number;
}

export const DIFFERENCE_FIELDS = ["customersLost", "complaints", "salesContacts", "offline", "online", "abandoned", "serviceLevel"] as const satisfies readonly (keyof PhaseDifferences)[];

/** Differences the satisfaction model moves (the rest are the queue's: no experience input can move them). */
export const EXPERIENCE_DIFFERENCES: ReadonlySet<keyof PhaseDifferences> = new Set(["customersLost", "complaints"]);

/** The baseline's levels the retention model needs: journeys that ended and their churn share (null: not reported). */
export interface PhaseLevels {
  journeys: number | null;
  churn: number | null;
}

/**
 * Customers lost in a replication: the `customersLost` KPI, else `churnRate` × the customers who contacted
 * (offered contacts less repeats: `offered` × (1 − `repeatRate`)). Undefined when the engine reports neither.
 */
export function customersLost(sample: KpiSample): number | null | undefined {
  const lost = kpiValue(sample, "customersLost");
  if (lost !== undefined) return lost;
  const churn = kpiValue(sample, "churnRate");
  const offered = kpiValue(sample, "offered");
  if (churn === undefined || offered === undefined) return undefined;
  if (churn === null || offered === null) return null;
  return churn * offered * (1 - (kpiValue(sample, "repeatRate") ?? 0));
}

/** Complaints in a replication: the `complaints` KPI, else `complaintRate` × `offered`. */
export function complaintCount(sample: KpiSample): number | null | undefined {
  const count = kpiValue(sample, "complaints");
  if (count !== undefined) return count;
  return product(kpiValue(sample, "complaintRate"), kpiValue(sample, "offered"));
}

/** Contacts served online in a replication: `onlineShare` × `offered`. */
export function onlineContacts(sample: KpiSample): number | null | undefined {
  return product(kpiValue(sample, "onlineShare"), kpiValue(sample, "offered"));
}

/** Contacts served offline: offered less those served online. */
export function offlineContacts(sample: KpiSample): number | null | undefined {
  const offered = kpiValue(sample, "offered");
  const online = onlineContacts(sample);
  if (offered === undefined || online === undefined) return undefined;
  return offered === null || online === null ? null : offered - online;
}

/** Problems answered by an agent: the `journeysAnswered` KPI, else answered × (1 − repeat rate). */
export function salesContacts(sample: KpiSample): number | null | undefined {
  const journeys = kpiValue(sample, "journeysAnswered");
  if (journeys !== undefined) return journeys;
  const answered = kpiValue(sample, "answered");
  if (answered === undefined || answered === null) return answered;
  return answered * (1 - (kpiValue(sample, "repeatRate") ?? 0));
}

function product(a: number | null | undefined, b: number | null | undefined): number | null | undefined {
  if (a === undefined || b === undefined) return undefined;
  return a === null || b === null ? null : a * b;
}

const COUNTS: Record<keyof PhaseDifferences, (sample: KpiSample) => number | null | undefined> = {
  customersLost,
  complaints: complaintCount,
  salesContacts,
  offline: offlineContacts,
  online: onlineContacts,
  abandoned: (sample) => kpiValue(sample, "abandoned"),
  serviceLevel: (sample) => kpiValue(sample, "serviceLevel"),
};

// Which benefit a difference feeds, to name what cannot be counted.
const FEEDS: Partial<Record<keyof PhaseDifferences, keyof BenefitParts>> = {
  customersLost: "retention",
  complaints: "complaints",
  salesContacts: "sales",
  offline: "channelSubstitution",
  online: "channelSubstitution",
};

/**
 * The paired differences of one replication of one phase, the baseline's levels, and the benefits whose counts the
 * engine does not report (undefined on either side).
 */
export function phaseDifferences(baseline: KpiSample, intervention: KpiSample): { differences: PhaseDifferences; levels: PhaseLevels; missing: (keyof BenefitParts)[] } {
  const missing = new Set<keyof BenefitParts>();
  const differences = {} as PhaseDifferences;
  for (const field of DIFFERENCE_FIELDS) {
    const before = COUNTS[field](baseline);
    const after = COUNTS[field](intervention);
    if (before === undefined || after === undefined) {
      const part = FEEDS[field];
      if (part) missing.add(part);
      differences[field] = 0;
    } else differences[field] = before === null || after === null ? 0 : after - before;
  }
  const lost = customersLost(baseline);
  const churn = kpiValue(baseline, "churnRate");
  const journeys = lost !== undefined && lost !== null && churn !== undefined && churn !== null && churn > 0 ? lost / churn : null;
  return { differences, levels: { journeys, churn: churn ?? null }, missing: [...missing] };
}

/**
 * The benefit of one week's contacts, each part in currency per week, booked in that week: for trajectories that
 * follow money week by week (capacity's trainer view) rather than over a horizon's calendar. Complaints, sales and
 * contact costs are `priceReplication`'s weekly flows. Retention books the customer-months the week's kept would-be
 * leavers stay within a horizon from their contact, in the small-churn limit of the retention model (kept in
 * proportion to τ / H: H / 2 months each), at the monthly margin; the comparison's money accumulates them over the
 * calendar instead (`economics/retention.ts`).
 */
export function weeklyBenefit(options: { money: Money; baseline: KpiSample; intervention: KpiSample; spanWeeks: number }): {
  parts: BenefitParts;
  notCounted: (keyof BenefitParts)[];
} {
  const { money, spanWeeks } = options;
  if (!(spanWeeks > 0)) throw new Error(`invalid spanWeeks: ${spanWeeks}; expected a number of weeks > 0`);
  const { differences: d, missing } = phaseDifferences(options.baseline, options.intervention);
  const perWeek = 1 / spanWeeks;
  const margin = money.customerLifetimeValue / money.customerLifetimeMonths;
  const parts: BenefitParts = {
    retention: ((-d.customersLost / money.journeysPerCustomer) * margin * (money.horizonMonths / 2)) * perWeek,
    complaints: -d.complaints * money.costPerComplaint * perWeek,
    sales: d.salesContacts * money.revenuePerAnsweredContact * perWeek,
    channelSubstitution: -(d.offline * money.costPerContactOffline + d.online * money.costPerContactOnline) * perWeek,
  };
  const valued: Record<keyof BenefitParts, boolean> = {
    retention: money.customerLifetimeValue > 0,
    complaints: money.costPerComplaint > 0,
    sales: money.revenuePerAnsweredContact > 0,
    channelSubstitution: money.costPerContactOffline > 0 || money.costPerContactOnline > 0,
  };
  return { parts, notCounted: missing.filter((part) => valued[part]) };
}
