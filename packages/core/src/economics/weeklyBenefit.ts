import type { Money } from "../schema/money.js";
import { kpiValue, type KpiSample } from "./kpiSample.js";

/** The four benefits the money model counts, each in currency per week (negative: the intervention loses). */
export interface BenefitParts {
  /** Customers kept from churning (per journey, divided by `journeysPerCustomer`) × `customerLifetimeValue`. */
  retention: number;
  /** Complaints avoided × `costPerComplaint`. */
  complaints: number;
  /** Extra contacts answered × `revenuePerAnsweredContact` (cross-sell and up-sell). */
  sales: number;
  /** Extra contacts served online × (`costPerContactOffline` − `costPerContactOnline`). */
  channelSubstitution: number;
}

export const BENEFIT_PARTS = ["retention", "complaints", "sales", "channelSubstitution"] as const satisfies readonly (keyof BenefitParts)[];

/** Why a benefit could not be counted: its money value is set but the engine reports none of the KPIs it needs. */
export const BENEFIT_NEEDS: Record<keyof BenefitParts, string> = {
  retention: "customersLost or churnRate",
  complaints: "complaints or complaintRate",
  sales: "answered",
  channelSubstitution: "onlineShare",
};

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

function product(a: number | null | undefined, b: number | null | undefined): number | null | undefined {
  if (a === undefined || b === undefined) return undefined;
  return a === null || b === null ? null : a * b;
}

/**
 * The weekly benefit of an intervention in one replication of one phase, from the paired KPI samples of the
 * baseline and the intervention (same seed, same replication): each count's difference over the simulated
 * span divided by `spanWeeks` (the weeks of operation the span stands for: `money.spanWeeks`, else days / 7), times its
 * money value. A benefit whose money value is 0 is 0; one whose KPIs the engine does not report is 0 and named
 * in `notCounted`; a count undefined in one replication (null) counts as no difference.
 */
export function weeklyBenefit(options: { money: Money; baseline: KpiSample; intervention: KpiSample; spanWeeks: number }): {
  parts: BenefitParts;
  notCounted: (keyof BenefitParts)[];
} {
  const { money, baseline, intervention, spanWeeks } = options;
  if (!(spanWeeks > 0)) throw new Error(`invalid spanWeeks: ${spanWeeks}; expected a number of weeks > 0`);
  const perWeek = 1 / spanWeeks;
  const notCounted: (keyof BenefitParts)[] = [];
  // gain(count, value, sign): sign +1 when more is better (answered, online), −1 when fewer is (lost, complaints).
  const gain = (part: keyof BenefitParts, count: (sample: KpiSample) => number | null | undefined, value: number, sign: 1 | -1) => {
    if (value === 0) return 0;
    const before = count(baseline);
    const after = count(intervention);
    if (before === undefined || after === undefined) {
      notCounted.push(part);
      return 0;
    }
    if (before === null || after === null) return 0;
    return sign * (after - before) * value * perWeek;
  };
  const parts: BenefitParts = {
    retention: gain("retention", customersLost, money.customerLifetimeValue / money.journeysPerCustomer, -1),
    complaints: gain("complaints", complaintCount, money.costPerComplaint, -1),
    sales: gain("sales", (sample) => kpiValue(sample, "answered"), money.revenuePerAnsweredContact, 1),
    channelSubstitution: gain("channelSubstitution", onlineContacts, money.costPerContactOffline - money.costPerContactOnline, 1),
  };
  return { parts, notCounted };
}
