import { z } from "zod";
import { defaultOf, uncertainNumber, type Resolved, type UncertainNumber } from "./uncertain.js";

// Every amount is in `currency`. Each default names its source, in a comment and in the help text the UI shows.
// Amounts a planner must know for their own center (lifetime value, cost of a complaint, …) default to 0:
// "not counted until you enter it" is the one default that never invents money.
// Every amount and rate may be uncertain (schema/uncertain.ts); the horizon and the span are choices, not estimates.
const amount = (max: number) => uncertainNumber(z.number().min(0).max(max));

/**
 * Money: what the center pays (wages, hiring, technology, management overhead) and what better service is
 * worth (retained customers, avoided complaints, sales through service, contacts moved online), over a
 * financial horizon in months that is separate from the simulated span of days. Interventions turn the costs
 * into cost lines; `economics/` turns the simulated KPIs into benefits. Sources: the value chain of article
 * 004_49af8e83df4febe5 (direct costs: wages, equipment, technology; indirect: training and management;
 * benefits: sales through service, savings, retention's long-term value, offline-channel substitution).
 */
export const moneySchema = z.strictObject({
  wagePerHour: amount(10_000).describe("Loaded cost of an agent's paid hour (wage, taxes, benefits). Shrinkage is not a cost line: it is already in each group's time on the floor."),
  currency: z.string().regex(/^[A-Z]{3}$/).default("USD").describe("ISO 4217 code of every amount."),
  hiringCostPerAgent: amount(1e7)
    .optional()
    .describe("One-off cost of hiring and onboarding an agent, for interventions that add agents. Omitted: hiring is not priced."),
  // Assumption: a budget year.
  horizonMonths: z
    .number()
    .positive()
    .max(120)
    .default(12)
    .describe("Financial horizon: months over which costs and benefits are compared (default 12, a budget year; assumption). Separate from the simulated span: simulated weeks are scaled to months (a month is 52/12 weeks)."),
  // Assumption: the simulated days are a sample of the center's weeks.
  spanWeeks: z
    .number()
    .positive()
    .max(520)
    .optional()
    .describe("Weeks of operation the simulated span stands for, to turn its counts into weekly figures. Omitted: days / 7 (simulate the whole week, closed days with no contacts, or set this, e.g. 1 for a center open only on the 5 weekdays simulated; assumption)."),
  // Assumption: a typical corporate cost of capital; 0 turns discounting off.
  discountRatePerYear: uncertainNumber(z.number().min(0).max(1))
    .default(defaultOf<UncertainNumber>({ uncertain: "triangular", low: 0.04, mode: 0.08, high: 0.12, grade: "assumption", source: "assumption: a typical corporate cost of capital" }))
    .describe("Annual discount rate for the net present value (default 0.08, triangular 0.04 to 0.12: a typical cost of capital, which differs from company to company; assumption). Monthly flows are discounted at (1 + rate)^(−month/12); one-off costs fall at the start. Enter your finance team's rate."),
  // Article 004_49af8e83df4febe5 lists management among the indirect costs; its size is the center's own.
  managementOverhead: uncertainNumber(z.number().min(0).max(5))
    .default(0)
    .describe("Management and supervision cost as a fraction of the wages an intervention adds (e.g. 0.15 for one team leader per ~12 agents). Default 0: not counted (assumption); article 004_49af8e83df4febe5 names management among indirect costs."),
  // Article 004_49af8e83df4febe5 lists equipment and technology among the direct costs.
  technologyPerSeatPerMonth: amount(1e6)
    .default(0)
    .describe("Technology per seat per month (licences, telephony, hardware) for each agent an intervention adds. Default 0: not counted (assumption); article 004_49af8e83df4febe5 names technology among direct costs."),
  // Article 004_49af8e83df4febe5: retention's long-term value (LTV) is a benefit of service.
  customerLifetimeValue: amount(1e9)
    .default(0)
    .describe("Value of a customer who stays (margin over their remaining lifetime). A kept customer earns its monthly share (this ÷ customerLifetimeMonths) for each month they stay within the horizon, discounted; what they are worth beyond the horizon is reported apart and never booked. Default 0: not counted (assumption); article 004_49af8e83df4febe5 names LTV as a benefit."),
  // Assumption: three years, a common customer lifetime in subscription businesses.
  customerLifetimeMonths: uncertainNumber(z.number().min(1).max(600))
    .default(defaultOf<UncertainNumber>({ uncertain: "lognormal", median: 36, p90: 60, grade: "assumption", source: "assumption: three years, a common customer lifetime" }))
    .describe("Months over which customerLifetimeValue is earned: it turns the lifetime value into a monthly margin (value ÷ months). Default 36, lognormal with median 36 and 90th percentile 60 (assumption: three years is common, but lifetimes run from one to five years; take yours from your CRM)."),
  // Assumption: without data, every contact journey is a different customer; a customer may bring more problems.
  journeysPerCustomer: uncertainNumber(z.number().min(1).max(1000))
    .default(defaultOf<UncertainNumber>({ uncertain: "triangular", low: 1, mode: 1, high: 2, grade: "assumption", source: "assumption: every journey a different customer, up to two problems a customer" }))
    .describe("Problems (contact journeys) an average customer brings within the financial horizon: the churn the model predicts per journey is divided by it, so a customer who calls about three problems a year is not lost three times. Default 1, triangular from 1 (most likely: every journey a different customer) to 2 (assumption; take it from your CRM)."),
  costPerComplaint: amount(1e7)
    .default(0)
    .describe("Cost of handling one complaint (escalation, goodwill, regulator fees): each complaint avoided saves it. Default 0: not counted (assumption)."),
  // Article 004_49af8e83df4febe5: cross-selling and up-selling by agents add sales revenue.
  revenuePerAnsweredContact: amount(1e7)
    .default(0)
    .describe("Cross-sell and up-sell margin per customer problem answered by an agent (a repeat call about the same problem sells nothing more): each extra problem an agent takes up earns it. Default 0: not counted (assumption); article 004_49af8e83df4febe5 names sales through service as a benefit."),
  // Article 004_49af8e83df4febe5: the offline-channel substitution rate and the cost difference between channels.
  costPerContactOffline: amount(1e6)
    .default(0)
    .describe("Variable cost of one contact offline (telephony minutes, a branch visit), beyond the agents' wages the scenario already prices: the option's variable contact cost (offline and online contacts × their costs) against the baseline's is a benefit, so fewer contacts of any kind (fewer repeats) save money. Default 0: not counted (assumption); article 004_49af8e83df4febe5 compares offline and online costs."),
  costPerContactOnline: amount(1e6)
    .default(0)
    .describe("Variable cost of one contact served online (chat, email, self-service), beyond wages: a contact moved online saves costPerContactOffline − costPerContactOnline. Default 0 (assumption)."),
});

/** Parsed money settings, defaults filled in; amounts may still be uncertain (see `Money`). */
export type MoneySpec = z.infer<typeof moneySchema>;
/** Money settings with every amount resolved to a number: what the money model computes with. */
export type Money = Resolved<MoneySpec>;
