/** Promoter, detractor and churn shares of one class of customers (experience.loyalty.satisfied or .dissatisfied). */
export interface LoyaltyClass {
  promoters: number;
  detractors: number;
  churn: number;
}

/** The loyalty settings: the two classes. */
export interface LoyaltySettings {
  satisfied: LoyaltyClass;
  dissatisfied: LoyaltyClass;
}

/**
 * Net promoter score (−100 … 100) of customers a share `satisfaction` of whom are satisfied: each class has its own
 * promoter and detractor shares, so NPS = 100 × (promoters − detractors) with promoters = s·p_S + (1 − s)·p_D and
 * detractors likewise. Linear in satisfaction, so the NPS of a mix is the mix of NPS. The shares are assumptions
 * (article 004_49af8e83df4febe5 ties satisfaction to NPS without coefficients): replace them with a center's own.
 */
export function npsFromSatisfaction(loyalty: LoyaltySettings, satisfaction: number): number {
  const s = clampShare(satisfaction);
  const promoters = s * loyalty.satisfied.promoters + (1 - s) * loyalty.dissatisfied.promoters;
  const detractors = s * loyalty.satisfied.detractors + (1 - s) * loyalty.dissatisfied.detractors;
  return 100 * (promoters - detractors);
}

/**
 * Expected share of customers lost (over the financial horizon) when a share `satisfaction` of them is satisfied:
 * s·churn_S + (1 − s)·churn_D. Linear, like `npsFromSatisfaction`; assumptions after article 004_49af8e83df4febe5
 * (satisfaction drives retention).
 */
export function churnFromSatisfaction(loyalty: LoyaltySettings, satisfaction: number): number {
  const s = clampShare(satisfaction);
  return s * loyalty.satisfied.churn + (1 - s) * loyalty.dissatisfied.churn;
}

/**
 * Customers kept by an improvement: `customers` × (churn before − churn after). Negative when the churn rises.
 * `customers` is how many customers the churn rates apply to (e.g. the engine's journeys over a period).
 */
export function retainedCustomers(options: { customers: number; churnBefore: number; churnAfter: number }): number {
  return options.customers * (options.churnBefore - options.churnAfter);
}

/**
 * The lifetime value of the customers an improvement keeps: `retainedCustomers(options)` × `lifetimeValue` (the
 * margin a customer who stays brings over their remaining lifetime; article 004_49af8e83df4febe5's LTV).
 */
export function lifetimeValueRetained(options: { customers: number; churnBefore: number; churnAfter: number; lifetimeValue: number }): number {
  return retainedCustomers(options) * options.lifetimeValue;
}

function clampShare(share: number): number {
  return share < 0 ? 0 : share > 1 ? 1 : share;
}
