import { describe, expect, it } from "vitest";
import { DEFAULT_EXPERIENCE } from "../schema/experience.js";
import { churnFromSatisfaction, lifetimeValueRetained, npsFromSatisfaction, retainedCustomers } from "./loyalty.js";

const loyalty = DEFAULT_EXPERIENCE.loyalty;

describe("loyalty", () => {
  it("npsFromSatisfaction: promoters − detractors of the satisfied and dissatisfied mix", () => {
    expect(npsFromSatisfaction(loyalty, 1)).toBeCloseTo(45, 12);
    expect(npsFromSatisfaction(loyalty, 0)).toBeCloseTo(-65, 12);
    expect(npsFromSatisfaction(loyalty, 0.75)).toBeCloseTo(17.5, 12);
    expect(npsFromSatisfaction(loyalty, 0.85)).toBeCloseTo(28.5, 12);
    expect(npsFromSatisfaction(loyalty, 1.5)).toBeCloseTo(45, 12);
  });

  it("churnFromSatisfaction: 10% of the satisfied and 30% of the dissatisfied leave", () => {
    expect(churnFromSatisfaction(loyalty, 0.75)).toBeCloseTo(0.15, 12);
    expect(churnFromSatisfaction(loyalty, 0.85)).toBeCloseTo(0.13, 12);
  });

  it("retainedCustomers and lifetimeValueRetained: customers × the fall in churn, × LTV", () => {
    expect(retainedCustomers({ customers: 1000, churnBefore: 0.15, churnAfter: 0.13 })).toBeCloseTo(20, 10);
    expect(retainedCustomers({ customers: 1000, churnBefore: 0.13, churnAfter: 0.15 })).toBeCloseTo(-20, 10);
    expect(lifetimeValueRetained({ customers: 1000, churnBefore: 0.15, churnAfter: 0.13, lifetimeValue: 1800 })).toBeCloseTo(36_000, 6);
  });
});
